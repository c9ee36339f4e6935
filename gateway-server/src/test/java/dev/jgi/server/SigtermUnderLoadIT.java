package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import dev.jgi.testing.RawHttp;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private static final Pattern LOGGED_POST = Pattern.compile("\"POST /form HTTP/1\\.1\" 200 ");

    @Test
    void sigtermWith64KeepAliveConnectionsOfPostsLosesNothingTenTimes() throws Exception {
        List<String> report = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            int logged;
            KeepAliveLoad load;
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
                load = KeepAliveLoad.start(jgi.awaitPort(), CONNECTIONS, KeepAliveLoad.FORM_POST);
                load.awaitAnswered(500);
                jgi.terminate();
                load.awaitEnd(Duration.ofSeconds(60));
                assertThat(jgi.exitCode()).isZero();
                Matcher posts = LOGGED_POST.matcher(jgi.stdout());
                logged = (int) posts.results().count();
            }
            report.add("run " + run + ": " + load + ", " + logged + " logged");
            assertThat(load.failures()).as(report.getLast()).isEmpty();
            assertThat(logged).as(report.getLast()).isEqualTo(load.answered());
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
}
