package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.websocket.WsClient;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shutdown sequence of docs/operations.md as one matrix, on a real {@code bin/jgi serve}: one
 * SIGTERM meets HTTP/1.1 keep-alive clients in mid-request, HTTP/2 streams in flight, an open
 * WebSocket and an open event stream at once; and a {@code --reload} of the app, a SIGHUP, then a
 * SIGTERM meet a keep-alive load. No request is lost, no client sees a reset, and {@code jgi}
 * exits 0 within the drain delay and the graceful timeout.
 */
class ShutdownMatrixIT {

    private static final String TEST_CLASSES =
            Path.of("target", "test-classes").toAbsolutePath().toString();
    private static final Duration DRAIN_DELAY = Duration.ofSeconds(1);
    private static final Duration GRACEFUL_TIMEOUT = Duration.ofSeconds(5);
    /** Above the graceful timeout: the app's stop, the admin listener and the JVM's exit, on a loaded machine. */
    private static final Duration EXIT_MARGIN = Duration.ofSeconds(5);

    private static final int CONNECTIONS = 16;

    @Test
    void oneSigtermMeetsKeepAliveClientsHttp2StreamsAWebSocketAndAnEventStream() throws Exception {
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(),
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--h2c",
                "--drain-delay",
                DRAIN_DELAY.toMillis() + "ms",
                "--graceful-timeout",
                GRACEFUL_TIMEOUT.toSeconds() + "s",
                "--classpath",
                TEST_CLASSES,
                "dev.jgi.server.apps.LongLivedApp")) {
            int port = jgi.awaitPort();
            WsClient webSocket = WsClient.connect(port);
            webSocket.socket.sendText("before", true).join();
            assertThat(webSocket.next()).isEqualTo(new WsClient.Received.Text("before"));
            try (Socket events = new Socket("127.0.0.1", port)) {
                events.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
                events.getOutputStream()
                        .write("GET /events HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                readUntil(events.getInputStream(), stream, "data: tick 2\n\n");
                KeepAliveLoad load = KeepAliveLoad.start(port, CONNECTIONS, KeepAliveLoad.FORM_POST);
                load.awaitAnswered(200);
                // Four streams of one HTTP/2 connection, each 3 s long: they outlast the drain delay. (h2load,
                // since curl 7.88 fails a second request on a reused prior-knowledge connection.)
                ChildProcess h2 = Command.of(
                                "h2load", "-n", "4", "-c", "1", "-m", "4", "http://127.0.0.1:" + port + "/slow?3000")
                        .start();
                Thread.sleep(1_000);

                long signalled = System.nanoTime();
                jgi.terminate();
                CompletableFuture<Double> streamEnded = CompletableFuture.supplyAsync(
                        () -> {
                            readToEnd(events, stream);
                            return seconds(signalled);
                        },
                        task -> Thread.ofVirtual().start(task));

                load.awaitEnd(Duration.ofSeconds(60));
                assertThat(load.failures()).as("keep-alive POSTs: " + load).isEmpty();
                ChildProcess.Result streams = h2.awaitResult(Duration.ofSeconds(30));
                assertThat(streams.output())
                        .as(streams.output())
                        .contains("4 succeeded, 0 failed, 0 errored")
                        .contains("status codes: 4 2xx");

                double endedAfter = streamEnded.get(30, TimeUnit.SECONDS);
                String text = stream.toString(StandardCharsets.UTF_8);
                assertThat(text).contains("event: bye\ndata: draining\n\n").endsWith("0\r\n\r\n");
                assertThat(endedAfter)
                        .as("seconds from SIGTERM to the event stream's clean end")
                        .isLessThan(seconds(GRACEFUL_TIMEOUT));

                WsClient.Received.Close close = webSocket.awaitClose();
                double closedAfter = seconds(signalled);
                assertThat(close.code()).isEqualTo(1001);
                assertThat(jgi.exitCode()).isZero();
                double exitedAfter = seconds(signalled);
                assertThat(exitedAfter)
                        .as("seconds from SIGTERM to exit")
                        .isLessThan(seconds(DRAIN_DELAY.plus(GRACEFUL_TIMEOUT).plus(EXIT_MARGIN)));
                System.out.printf(
                        "SIGTERM matrix: %s; 4 HTTP/2 streams answered; event stream ended cleanly %.2f s after"
                                + " SIGTERM; WebSocket closed 1001 after %.2f s; exit 0 after %.2f s%n",
                        load, endedAfter, closedAfter, exitedAfter);
            }
        }
    }

    @Test
    void aReloadAndASighupUnderLoadLoseNothingAndSigtermThenExitsZero(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        ReloadableApp.compile(classes, "v1");
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(),
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--reload",
                "--graceful-timeout",
                GRACEFUL_TIMEOUT.toSeconds() + "s",
                "--access-log",
                "off",
                "--classpath",
                classes.toString(),
                ReloadableApp.NAME)) {
            KeepAliveLoad load =
                    KeepAliveLoad.start(jgi.awaitPort(), CONNECTIONS, "GET / HTTP/1.1\r\nHost: test\r\n\r\n");
            load.awaitAnswered(200);
            ReloadableApp.recompile(classes, "v2");
            eventually(Duration.ofSeconds(30), () -> assertThat(load.bodies()).contains("v2"));
            Command.of("kill", "-HUP", String.valueOf(jgi.pid())).run().successfulOutput();
            int answered = load.answered();
            load.awaitAnswered(answered + 200);

            long signalled = System.nanoTime();
            jgi.terminate();
            load.awaitEnd(Duration.ofSeconds(60));
            assertThat(jgi.exitCode()).isZero();
            double exitedAfter = seconds(signalled);
            assertThat(load.failures()).as(load.toString()).isEmpty();
            assertThat(load.bodies()).isEqualTo(Set.of("v1", "v2"));
            assertThat(jgi.stderr()).contains("reloaded " + ReloadableApp.NAME);
            assertThat(exitedAfter).isLessThan(seconds(GRACEFUL_TIMEOUT.plus(EXIT_MARGIN)));
            System.out.printf(
                    "reload, SIGHUP and SIGTERM under %d keep-alive clients: %s; exit 0 after %.2f s%n",
                    CONNECTIONS, load, exitedAfter);
        }
    }

    /** Reads into {@code into} until what it holds contains {@code marker}. */
    private static void readUntil(InputStream in, ByteArrayOutputStream into, String marker) throws IOException {
        byte[] buffer = new byte[4096];
        while (!into.toString(StandardCharsets.UTF_8).contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException("the stream ended before " + marker + ": " + into);
            }
            into.write(buffer, 0, n);
        }
    }

    /** Reads to the end of the connection; a reset fails. */
    private static void readToEnd(Socket socket, ByteArrayOutputStream into) {
        try {
            into.write(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new AssertionError("the event stream did not end cleanly: " + into, e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1e3;
    }
}
