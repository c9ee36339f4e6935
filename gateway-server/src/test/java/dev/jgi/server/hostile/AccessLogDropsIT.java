package dev.jgi.server.hostile;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.log.AccessLog;
import dev.jgi.testing.JgiProcess;
import dev.jgi.testing.RawHttp;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real {@code jgi serve} whose standard output, where its access log goes, is a pipe nobody
 * reads: once the pipe and the log's queue are full, lines are dropped. Every dropped line is in
 * the metrics, the server log warns while it happens (not only at exit), and its warnings add up
 * to the metric. The warnings' repeats, 10 s apart here, are {@code AccessLogWarningsTest}'s.
 */
class AccessLogDropsIT {

    private static final Pattern ADMIN = Pattern.compile("status page (http://[0-9.]+:\\d+)/");
    private static final Pattern METRIC = Pattern.compile("(?m)^jgi_access_log_dropped_lines_total (\\S+)$");
    private static final String DROPPING = "the access log dropped a line: its queue is full";
    /** A warning while lines are dropped: the first without a count (one line), later ones with theirs. */
    private static final Pattern WARNING = Pattern.compile(
            "(?m)^\\S+ WARN " + Pattern.quote(DROPPING) + ".*?(?:\\((\\d+) times in the last (\\d+) s\\))?$");

    private static final Pattern FINAL = Pattern.compile(
            "the access log dropped (\\d+) lines \\(its queue was full\\), (\\d+) of them since the last warning");
    /** Requests a client writes before reading their answers: a stalled log fills within seconds. */
    private static final int PIPELINED = 64;

    private static final int CLIENTS = 4;
    /**
     * The bound on the load before the first warning: the queue fills after some 67,000 requests,
     * 10 s of load on two cores busy with other builds.
     */
    private static final Duration FILL_LIMIT = Duration.ofMinutes(2);

    /** How long the load goes on after the first warning, so that lines are dropped after it too. */
    private static final Duration MORE_LOAD = Duration.ofSeconds(2);

    /** Ample time for the last answered exchanges to complete, and log, after their answers were read. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    /**
     * Lines that may be neither queued nor dropped: those the writer took from the queue into its
     * 64 KiB buffer and the 64 KiB pipe before both filled, about a hundred bytes each, with room to spare.
     */
    private static final long WRITTEN_OUT = 8192;

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final AtomicLong answered = new AtomicLong();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean loading = true;

    @Test
    void droppedLinesAreCountedAndWarnedAboutWhileTheLoadRuns() throws Exception {
        long dropped;
        String log;
        try (JgiProcess server = JgiProcess.startWithStdoutUnread(
                Path.of("").toAbsolutePath(), Map.of(), HostileServer.arguments("--admin-bind", "0"))) {
            int port = server.awaitPort();
            // The banner names the admin listener after the first listener: it may not have come yet.
            Matcher admin = ADMIN.matcher("");
            eventually(() -> assertThat(admin.reset(server.stderr()).find())
                    .as(server.stderr())
                    .isTrue());
            URI metrics = URI.create(admin.group(1) + "/metrics");
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofPlatform().daemon().start(() -> load(port)));
            }
            long loadStart = System.nanoTime();
            try {
                eventually(FILL_LIMIT, () -> {
                    assertThat(failures).as("load failures").isEmpty();
                    assertThat(server.stderr())
                            .as("the server log while %d requests were answered", answered.get())
                            .contains(DROPPING);
                });
                System.out.printf(
                        "first warning after %.1f s of load, %d requests%n",
                        (System.nanoTime() - loadStart) / 1e9, answered.get());
                Thread.sleep(MORE_LOAD.toMillis());
            } finally {
                loading = false;
                for (Thread client : clients) {
                    assertThat(client.join(RawHttp.TIMEOUT))
                            .as("a load client ended")
                            .isTrue();
                }
            }
            assertThat(failures).as("load failures").isEmpty();
            // A line is logged when its exchange completes, which may follow its answer by a moment.
            Thread.sleep(SETTLE.toMillis());
            dropped = droppedLines(metrics);
            server.terminate();
            assertThat(server.exitCode()).as(server.stderr()).isZero();
            log = server.stderr();
        }
        long requests = answered.get();
        System.out.printf("%d requests answered, %d access log lines dropped%n", requests, dropped);
        assertThat(dropped).as("dropped lines in the metric").isPositive().isLessThanOrEqualTo(requests);
        assertThat(requests - dropped)
                .as("lines not dropped: queued or written out (%d requests)", requests)
                .isLessThanOrEqualTo(AccessLog.CAPACITY + WRITTEN_OUT);

        log.lines().filter(line -> line.contains("access log dropped")).forEach(System.out::println);
        long warned = 0;
        int warnings = 0;
        Matcher warning = WARNING.matcher(log);
        while (warning.find()) {
            warnings++;
            warned += warning.group(1) == null ? 1 : Long.parseLong(warning.group(1));
            if (warning.group(2) != null) {
                assertThat(Long.parseLong(warning.group(2)))
                        .as("seconds since the previous warning")
                        .isGreaterThanOrEqualTo(AccessLog.WARNING_INTERVAL.toSeconds());
            }
        }
        assertThat(warnings).as("warnings while lines were dropped").isPositive();
        Matcher last = FINAL.matcher(log);
        assertThat(last.find()).as("the final count at shutdown in %s", log).isTrue();
        assertThat(Long.parseLong(last.group(1)))
                .as("the final count at shutdown")
                .isEqualTo(dropped);
        assertThat(warned + Long.parseLong(last.group(2)))
                .as("what the warnings and the final line report")
                .isEqualTo(dropped);
    }

    /** Sends pipelined requests until the load stops; every answer must be a 200. */
    private void load(int port) {
        byte[] batch =
                "GET / HTTP/1.1\r\nhost: localhost\r\n\r\n".repeat(PIPELINED).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (loading) {
                out.write(batch);
                for (int i = 0; i < PIPELINED; i++) {
                    int status = RawHttp.readFramed(in).status();
                    if (status != 200) {
                        failures.add("status " + status);
                        return;
                    }
                    answered.incrementAndGet();
                }
            }
        } catch (IOException e) {
            failures.add(e.toString());
        }
    }

    private static long droppedLines(URI metrics) throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher value = METRIC.matcher(text);
        assertThat(value.find()).as(text).isTrue();
        return (long) Double.parseDouble(value.group(1));
    }
}
