package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real {@code jgi serve} under 64 keep-alive connections of POSTs gets SIGTERM, ten times: no
 * request sent on an accepted connection goes unanswered, and every POST the server logged reached
 * its client. Connections refused after the listener closed were never accepted, and are counted
 * apart.
 */
class SigtermUnderLoadIT {

    private static final String TEST_CLASSES =
            Path.of("target", "test-classes").toAbsolutePath().toString();
    private static final int CONNECTIONS = 64;
    private static final int RUNS = 10;
    private static final byte[] POST = ("POST /form HTTP/1.1\r\nHost: test\r\nContent-Type: "
                    + "application/x-www-form-urlencoded\r\nContent-Length: 200\r\n\r\n" + "a=".repeat(100))
            .getBytes(StandardCharsets.US_ASCII);
    private static final Pattern LOGGED_POST = Pattern.compile("\"POST /form HTTP/1\\.1\" 200 ");

    /** What the clients saw in one run. */
    private static final class Tally {
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger closedByServer = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    }

    @Test
    void sigtermWith64KeepAliveConnectionsOfPostsLosesNothingTenTimes() throws Exception {
        List<String> report = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Tally tally = new Tally();
            int logged;
            try (JgiProcess jgi = JgiProcess.start(
                    Map.of(),
                    "serve",
                    "--bind",
                    "127.0.0.1:0",
                    "--graceful-timeout",
                    "20s",
                    "--classpath",
                    TEST_CLASSES,
                    "dev.jgi.server.apps.HelloApp")) {
                int port = jgi.awaitPort();
                List<Thread> clients = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    clients.add(Thread.ofVirtual().start(() -> client(port, tally)));
                }
                eventually(
                        Duration.ofMinutes(2),
                        () -> assertThat(tally.answered.get()).isGreaterThanOrEqualTo(500));
                jgi.terminate();
                for (Thread client : clients) {
                    assertThat(client.join(Duration.ofSeconds(60))).isTrue();
                }
                assertThat(jgi.exitCode()).isZero();
                Matcher posts = LOGGED_POST.matcher(jgi.stdout());
                logged = (int) posts.results().count();
            }
            report.add("run " + run + ": " + tally.answered + " answered, " + logged + " logged, "
                    + tally.closedByServer + " closed with Connection: close, " + tally.refused
                    + " connects refused, " + tally.failures.size() + " failed");
            assertThat(tally.failures).as(report.getLast()).isEmpty();
            assertThat(logged).as(report.getLast()).isEqualTo(tally.answered.get());
        }
        System.out.println(String.join("\n", report));
    }

    @Test
    void sigtermUnderReloadAnswersTheRequestInFlight() throws Exception {
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(),
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--reload",
                "--classpath",
                TEST_CLASSES,
                "dev.jgi.server.apps.HelloApp")) {
            int port = jgi.awaitPort();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
                OutputStream out = socket.getOutputStream();
                out.write("GET /slow?2000 HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // Whether or not the server read it yet, the request is on an accepted connection: answered.
                jgi.terminate();
                RawHttp.Framed response = RawHttp.readFramed(socket.getInputStream());
                assertThat(response.status()).isEqualTo(200);
                assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("slow done");
                assertThat(response.headers()).containsEntry("connection", "close");
            }
            assertThat(jgi.exitCode()).isZero();
        }
    }

    /** One client: POSTs on a kept-alive connection, reconnecting when told to close, until refused. */
    private static void client(int port, Tally tally) {
        while (true) {
            Socket socket;
            try {
                socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
            } catch (ConnectException refused) {
                tally.refused.incrementAndGet();
                return;
            } catch (IOException e) {
                tally.failures.add("connect: " + e);
                return;
            }
            try (socket) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                while (true) {
                    out.write(POST);
                    out.flush();
                    RawHttp.Framed response = RawHttp.readFramed(in);
                    if (response.status() != 200) {
                        tally.failures.add("status " + response.status());
                        return;
                    }
                    tally.answered.incrementAndGet();
                    if ("close".equalsIgnoreCase(response.headers().get("connection"))) {
                        tally.closedByServer.incrementAndGet();
                        break;
                    }
                }
            } catch (IOException e) {
                // The server closed or reset a connection with a request on it: lost.
                tally.failures.add(e.toString());
                return;
            }
        }
    }
}
