package dev.jgi.server.log;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A WARN line for a condition that can recur thousands of times a second, such as a cap being
 * reached: the first occurrence is logged at once, later ones at most once an interval, each line
 * saying how often it happened since the previous one. An operator sees the condition start and
 * last; a flood does not turn into a flood of log lines.
 */
public final class RateLimitedWarning {

    private final String message;
    private final long intervalNanos;
    private final Executor writer;
    private final Consumer<String> warn;
    private final AtomicLong since = new AtomicLong();
    private final AtomicLong lastLine;

    /**
     * @param message  what happened, as the first line says it
     * @param interval the least time between two lines
     */
    public RateLimitedWarning(String message, Duration interval) {
        this(message, interval, Runnable::run);
    }

    /**
     * A warning whose lines {@code writer} writes, for a caller that must not wait for standard
     * error: the line about a stalled output, which may be the very pipe standard error is.
     *
     * @param message  what happened, as the first line says it
     * @param interval the least time between two lines
     * @param writer   runs the writing of each line
     */
    public RateLimitedWarning(String message, Duration interval, Executor writer) {
        this(message, interval, writer, line -> ServerLog.warn(null, line));
    }

    /**
     * A warning whose lines go to {@code warn} instead of the server log, for a test that reads them.
     *
     * @param message  what happened, as the first line says it
     * @param interval the least time between two lines
     * @param writer   runs the writing of each line
     * @param warn     writes one line
     */
    RateLimitedWarning(String message, Duration interval, Executor writer, Consumer<String> warn) {
        this.writer = writer;
        this.warn = warn;
        this.message = message;
        this.intervalNanos = interval.toNanos();
        this.lastLine = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** The condition happened once more; logs when the interval since the last line has passed. */
    public void occurred() {
        since.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLine.get();
        if (now - last < intervalNanos || !lastLine.compareAndSet(last, now)) {
            return;
        }
        long count = since.getAndSet(0);
        String line = count == 1
                ? message
                : message + " (" + count + " times in the last "
                        + Duration.ofNanos(now - last).toSeconds() + " s)";
        writer.execute(() -> warn.accept(line));
    }

    /**
     * Occurrences no line has reported yet, those since the last line: a final line (at shutdown)
     * names them, so that the lines add up to every occurrence.
     */
    public long unreported() {
        return since.get();
    }
}
