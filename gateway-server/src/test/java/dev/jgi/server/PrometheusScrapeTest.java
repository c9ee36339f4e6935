package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real Prometheus scrapes the admin listener, with the token, and a PromQL query over its
 * HTTP API returns the number of requests sent; {@code promtool check metrics} accepts the output.
 */
class PrometheusScrapeTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final String TOKEN = "scrape-token-7";
    private static final Application APP = (request, exchange) -> Response.text(200, "hi");

    @Test
    void promtoolAcceptsTheMetrics() throws Exception {
        try (GatewayServer server =
                Servers.started(Servers.quiet(APP).adminBind("0").adminToken(TOKEN))) {
            Servers.get(server, "/warm-up");
            String metrics = AdminListenerTest.admin(server, "/metrics", "authorization", "Bearer " + TOKEN)
                    .body();
            Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
            check.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
            check.getOutputStream().close();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("promtool said: %s", said).isZero();
            assertThat(said).isBlank();
        }
    }

    @Test
    void prometheusScrapesTheRequestCount(@TempDir Path dir) throws Exception {
        int requests = 37;
        try (GatewayServer server =
                Servers.started(Servers.quiet(APP).adminBind("0").adminToken(TOKEN))) {
            for (int i = 0; i < requests; i++) {
                assertThat(Servers.get(server, "/item/" + i).statusCode()).isEqualTo(200);
            }
            int webPort = freePort();
            Files.writeString(dir.resolve("token"), TOKEN);
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: 1s
                    scrape_configs:
                      - job_name: jgi
                        authorization:
                          credentials_file: %s
                        static_configs:
                          - targets: ['127.0.0.1:%d']
                    """.formatted(
                    dir.resolve("token"), server.adminAddress().orElseThrow().getPort()));
            Process prometheus = new ProcessBuilder(
                            PROMETHEUS.toString(),
                            "--config.file=" + dir.resolve("prometheus.yml"),
                            "--storage.tsdb.path=" + dir.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + webPort)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile())
                    .start();
            try {
                String query = "sum(jgi_http_request_duration_seconds_count{job=\"jgi\",handler=\"gateway\"})";
                eventually(
                        Duration.ofSeconds(90),
                        () -> assertThat(queryValue(webPort, query))
                                .as("Prometheus log: %s", Files.readString(dir.resolve("prometheus.log")))
                                .isEqualTo(Integer.toString(requests)));
                assertThat(queryValue(webPort, "up{job=\"jgi\"}")).isEqualTo("1");
            } finally {
                prometheus.destroy();
                if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                    prometheus.destroyForcibly();
                }
            }
        }
    }

    /** The value of the first sample a PromQL instant query returns, or empty when none yet. */
    private static String queryValue(int port, String query) throws Exception {
        HttpResponse<String> answer;
        try {
            answer = Servers.CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                                    + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException notUpYet) {
            return "";
        }
        Matcher value = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]").matcher(answer.body());
        return value.find() ? value.group(1) : "";
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
