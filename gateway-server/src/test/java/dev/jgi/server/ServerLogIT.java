package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server log of {@code jgi serve}: the application's java.util.logging lines join the server's
 * stream, in its format and level, with the request id and the W3C trace id of the request.
 */
class ServerLogIT {

    private static final String TEST_CLASSES =
            java.nio.file.Path.of("target", "test-classes").toAbsolutePath().toString();

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    private static HttpResponse<String> traced(int port) throws Exception {
        return Servers.CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/log"))
                        .header("traceparent", TRACEPARENT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitLine(JgiProcess jgi, String needle) throws Exception {
        String[] found = new String[1];
        eventually(Duration.ofSeconds(20), () -> {
            found[0] = jgi.stderr()
                    .lines()
                    .filter(line -> line.contains(needle))
                    .findFirst()
                    .orElse(null);
            assertThat(found[0])
                    .as("a line with %s in: %s", needle, jgi.stderr())
                    .isNotNull();
        });
        return found[0];
    }

    @Test
    void appLinesCarryTheRequestAndTraceIdsInJson() throws Exception {
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(),
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--log-format",
                "json",
                "--classpath",
                TEST_CLASSES,
                "dev.jgi.server.apps.HelloApp")) {
            HttpResponse<String> response = traced(jgi.awaitPort());
            assertThat(response.body()).isEqualTo("logged");
            String line = awaitLine(jgi, "handled /log");
            Matcher id = Pattern.compile("\"request_id\":\"([^\"]+)\"").matcher(line);
            assertThat(id.find()).as(line).isTrue();
            assertThat(line)
                    .startsWith("{\"time\":\"")
                    .contains("\"level\":\"INFO\",\"logger\":\"hello.app\",\"message\":\"handled /log\"")
                    .contains("\"trace_id\":\"" + TRACE + "\"")
                    .endsWith("}");
            // The access log line of the same request names the same id.
            eventually(Duration.ofSeconds(20), () -> assertThat(jgi.stdout()).contains(id.group(1)));
            assertThat(jgi.stderr()).doesNotContain("a debug line");
        }
    }

    @Test
    void plainLinesAndTheLevelFilter() throws Exception {
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(),
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--log-level",
                "debug",
                "--classpath",
                TEST_CLASSES,
                "dev.jgi.server.apps.HelloApp")) {
            traced(jgi.awaitPort());
            assertThat(awaitLine(jgi, "handled /log"))
                    .matches("\\S+Z INFO \\[\\S+ trace=" + TRACE + "] hello\\.app: handled /log");
            assertThat(awaitLine(jgi, "a debug line")).contains(" DEBUG [");
        }
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(),
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--log-level",
                "warn",
                "--classpath",
                TEST_CLASSES,
                "dev.jgi.server.apps.HelloApp")) {
            assertThat(traced(jgi.awaitPort()).body()).isEqualTo("logged");
            jgi.terminate();
            assertThat(jgi.exitCode()).isZero();
            assertThat(jgi.stderr()).doesNotContain("handled /log").doesNotContain(" INFO ");
        }
    }
}
