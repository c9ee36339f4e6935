package dev.jgi.server.log;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The access log: one line per exchange, combined or JSON, with duration, bytes and request id.
 * Lines are formatted on the I/O thread and written by one background thread, so a slow disk or
 * pipe never stalls request handling; the queue is bounded and lines beyond it are counted, not kept:
 * the count is a metric ({@link #dropped}), and the server log warns when dropping starts, at most
 * every {@link #WARNING_INTERVAL} while it goes on, and at shutdown with the total.
 * The queue is lock-free and the writer polls it every few milliseconds instead of being woken per
 * line: a wake-up per request cost a fifth of the server's CPU in a profile on two cores.
 */
public final class AccessLog implements AutoCloseable {

    /** What one line says about one exchange. */
    public record Entry(
            String client,
            String method,
            String target,
            String version,
            int status,
            long bytes,
            String referer,
            String userAgent,
            long durationMicros,
            String requestId) {}

    private static final DateTimeFormatter CLF =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String END = "\u0000end";
    private static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** The lines the queue holds; more are dropped. */
    public static final int CAPACITY = 65_536;

    /** The least time between two warnings about dropped lines. */
    public static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

    private final boolean json;
    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Writer out;
    private final Thread writer;
    private final LongAdder dropped = new LongAdder();
    private final RateLimitedWarning dropping;
    private final Consumer<String> warn;

    /**
     * A log writing to {@code out}, whose warnings about dropped lines come at most every
     * {@code warningInterval} and go to {@code warn}: {@link #open} gives the server's, a test a
     * shorter interval and a reader of its own.
     */
    AccessLog(boolean json, OutputStream out, Duration warningInterval, Consumer<String> warn) {
        this.json = json;
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.warn = warn;
        this.dropping = new RateLimitedWarning(
                "the access log dropped a line: its queue is full, its output (standard output or its file) does not "
                        + "keep up",
                warningInterval,
                warningWriter(),
                warn);
        this.writer = Thread.ofPlatform().daemon().name("jgi-access-log").start(this::drain);
    }

    /**
     * Opens the access log, appending to a file.
     *
     * @param file a path, or {@code -} for standard output
     */
    public static AccessLog open(boolean json, String file) throws IOException {
        OutputStream out = file.equals("-")
                ? new FileOutputStream(java.io.FileDescriptor.out)
                : new FileOutputStream(Path.of(file).toFile(), true);
        return new AccessLog(json, out, WARNING_INTERVAL, line -> ServerLog.warn(null, line));
    }

    public void log(Entry entry) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.increment();
            dropping.occurred();
            return;
        }
        lines.add(json ? json(entry) : combined(entry));
    }

    /**
     * Writes the warnings off the I/O threads: under systemd or in a container, standard error is
     * often the very pipe that stalled. One platform thread, so that warnings blocked behind a
     * stalled pipe wait in its queue (one per interval) and pin no virtual thread's carrier; it
     * ends when idle, so the log needs no closing of it.
     */
    private static Executor warningWriter() {
        ThreadPoolExecutor writer = new ThreadPoolExecutor(
                1,
                1,
                1,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("jgi-access-log-warning").factory());
        writer.allowCoreThreadTimeOut(true);
        return writer;
    }

    /** Lines dropped so far because the queue was full, every kind of line included. */
    public long dropped() {
        return dropped.sum();
    }

    static String combined(Entry e) {
        long micros = e.durationMicros();
        return e.client() + " - - [" + now() + "] \"" + e.method() + ' ' + e.target() + ' ' + e.version()
                + "\" " + e.status() + ' ' + e.bytes() + " \"" + quoted(e.referer()) + "\" \"" + quoted(e.userAgent())
                + "\" "
                + micros / 1000 + fractionPoint(micros) + micros % 1000 + "ms " + e.requestId();
    }

    /** The time in the combined format, formatted once per second: the log runs on the I/O threads. */
    private static String now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = lastStamp;
        if (stamp.second != second) {
            stamp = new Stamp(second, CLF.format(Instant.ofEpochSecond(second)));
            lastStamp = stamp;
        }
        return stamp.text;
    }

    private record Stamp(long second, String text) {}

    private static volatile Stamp lastStamp = new Stamp(-1, "");

    /**
     * The point and leading zeros of microseconds written as milliseconds with three decimals,
     * put into the line with the two numbers instead of a string of its own.
     */
    private static String fractionPoint(long micros) {
        long fraction = micros % 1000;
        return fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".";
    }

    /** One builder for the whole line, not a string per quoted value and the time. */
    static String json(Entry e) {
        StringBuilder line = new StringBuilder(256).append("{\"time\":\"");
        DateTimeFormatter.ISO_INSTANT.formatTo(Instant.now(), line);
        line.append("\",\"client\":");
        str(line, e.client());
        line.append(",\"method\":");
        str(line, e.method());
        line.append(",\"target\":");
        str(line, e.target());
        line.append(",\"version\":");
        str(line, e.version());
        line.append(",\"status\":").append(e.status()).append(",\"bytes\":").append(e.bytes());
        line.append(",\"referer\":");
        str(line, e.referer());
        line.append(",\"user_agent\":");
        str(line, e.userAgent());
        long micros = e.durationMicros();
        line.append(",\"duration_ms\":")
                .append(micros / 1000)
                .append(fractionPoint(micros))
                .append(micros % 1000);
        line.append(",\"request_id\":");
        str(line, e.requestId());
        return line.append('}').toString();
    }

    private static String quoted(String value) {
        return value == null ? "-" : value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void str(StringBuilder line, String value) {
        if (value == null) {
            line.append("null");
        } else {
            JsonText.quote(line, value);
        }
    }

    /**
     * Writes lines as they come and flushes when idle or at least every 200 ms, so a busy server
     * makes one write per buffer instead of one per request.
     */
    @SuppressWarnings("ReferenceEquality") // END is a sentinel: that very string, not an equal line.
    private void drain() {
        try {
            long lastFlush = System.nanoTime();
            boolean unflushed = false;
            while (true) {
                String line;
                while ((line = lines.poll()) != null) {
                    if (line == END) {
                        out.flush();
                        return;
                    }
                    queued.decrementAndGet();
                    out.write(line);
                    out.write('\n');
                    unflushed = true;
                }
                if (unflushed && System.nanoTime() - lastFlush > FLUSH_NANOS) {
                    out.flush();
                    unflushed = false;
                    lastFlush = System.nanoTime();
                }
                LockSupport.parkNanos(POLL_NANOS);
                if (lines.isEmpty() && unflushed) {
                    out.flush();
                    unflushed = false;
                    lastFlush = System.nanoTime();
                }
            }
        } catch (IOException e) {
            ServerLog.warn(null, "the access log stopped: " + e.getMessage());
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        try {
            lines.add(END);
            writer.join(2000);
            long total = dropped.sum();
            if (total > 0) {
                warn.accept("the access log dropped " + total + " lines (its queue was full), " + dropping.unreported()
                        + " of them since the last warning");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
