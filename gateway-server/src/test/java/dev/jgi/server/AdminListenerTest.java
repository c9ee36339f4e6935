package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin listener: probes, metrics, the status page's data, and who may see them. */
class AdminListenerTest {

    private static final Application ECHO = (request, exchange) ->
            request.path().equals("/missing") ? Response.text(404, "no") : Response.text(200, "path " + request.path());

    static HttpResponse<String> admin(GatewayServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.adminAddress().orElseThrow().getPort() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Servers.CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An app whose requests wait until the test releases them. */
    private static final class Held {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Response handle(dev.jgi.api.Request request, dev.jgi.api.Exchange exchange) throws InterruptedException {
            entered.countDown();
            release.await(20, TimeUnit.SECONDS);
            return Response.text(200, "done");
        }
    }

    /** The value of one sample line of /metrics, or -1 when the series is absent. */
    static double sample(String metrics, String series) {
        Matcher line =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }

    @Test
    void probesAnswerAndTheAppIsNeverServedThere() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(ECHO).adminBind("0"))) {
            assertThat(server.adminAddress().orElseThrow().getAddress().isLoopbackAddress())
                    .isTrue();
            assertThat(admin(server, "/livez").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = admin(server, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("ready\n");
            HttpResponse<String> other = admin(server, "/page");
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(other.body()).doesNotContain("path /page");
        }
    }

    @Test
    void withoutAdminBindThereIsNoAdminListener() {
        try (GatewayServer server = Servers.started(Servers.quiet(ECHO))) {
            assertThat(server.adminAddress()).isEmpty();
        }
    }

    @Test
    void readinessTurns503AtTheFirstMomentOfAGracefulShutdown() throws Exception {
        Held held = new Held();
        Application slow = held::handle;
        GatewayServer server =
                Servers.started(Servers.quiet(slow).adminBind("0").gracefulTimeout(Duration.ofSeconds(20)));
        CompletableFuture<HttpResponse<String>> inFlight = Servers.CLIENT.sendAsync(
                HttpRequest.newBuilder(Servers.uri(server, "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        // close() blocks on the request in flight; readiness must already say 503.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status = 200;
        while (status == 200 && System.nanoTime() < end) {
            status = admin(server, "/readyz").statusCode();
        }
        assertThat(status).isEqualTo(503);
        assertThat(server.ready()).isFalse();
        assertThat(admin(server, "/livez").statusCode()).isEqualTo(200);
        assertThat(closing).isNotDone();
        held.release.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
        closing.get(20, TimeUnit.SECONDS);
    }

    @Test
    void metricsCountRequestsByMethodAndStatusClassNeverByPath() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(ECHO).adminBind("0"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(Servers.get(server, "/orders/" + i).statusCode()).isEqualTo(200);
            }
            assertThat(Servers.get(server, "/missing").statusCode()).isEqualTo(404);
            HttpResponse<String> metrics = admin(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type").orElseThrow())
                    .startsWith("text/plain; version=0.0.4");
            String text = metrics.body();
            assertThat(
                            sample(
                                    text,
                                    "jgi_http_request_duration_seconds_count{handler=\"gateway\",method=\"GET\",status=\"2xx\"}"))
                    .isEqualTo(3);
            assertThat(
                            sample(
                                    text,
                                    "jgi_http_request_duration_seconds_count{handler=\"gateway\",method=\"GET\",status=\"4xx\"}"))
                    .isEqualTo(1);
            assertThat(text).doesNotContain("/orders").doesNotContain("/missing");
            assertThat(sample(text, "jgi_http_requests_in_flight")).isEqualTo(0);
            assertThat(sample(text, "jgi_connections_total{protocol=\"http1\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(text)
                    .contains("jgi_build_info{")
                    .contains("jvm_memory_used_bytes{area=\"heap\"}")
                    .contains("jvm_gc_collection_seconds_count")
                    .contains("process_start_time_seconds");
        }
    }

    @Test
    void openMetricsIsServedWhenAsked() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(ECHO).adminBind("0"))) {
            HttpResponse<String> metrics =
                    admin(server, "/metrics", "accept", "application/openmetrics-text;version=1.0.0");
            assertThat(metrics.headers().firstValue("content-type").orElseThrow())
                    .startsWith("application/openmetrics-text");
            assertThat(metrics.body()).endsWith("# EOF\n");
        }
    }

    @Test
    void bodyLimitRejectionsAreCountedByStatus() throws Exception {
        try (GatewayServer server =
                Servers.started(Servers.quiet(ECHO).adminBind("0").maxBodySize(16))) {
            HttpResponse<String> refused = Servers.CLIENT.send(
                    HttpRequest.newBuilder(Servers.uri(server, "/upload"))
                            .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(413);
            String text = admin(server, "/metrics").body();
            assertThat(sample(text, "jgi_http_server_responses_total{status=\"413\"}"))
                    .isEqualTo(1);
        }
    }

    @Test
    void staticHitsAndNotModifiedAreCounted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.css"), "body { color: teal }");
        try (GatewayServer server =
                Servers.started(Servers.quiet(ECHO).adminBind("0").staticMount("/static", dir.toString()))) {
            HttpResponse<String> css = Servers.get(server, "/static/site.css");
            assertThat(css.statusCode()).isEqualTo(200);
            String etag = css.headers().firstValue("etag").orElseThrow();
            HttpResponse<String> again = Servers.CLIENT.send(
                    HttpRequest.newBuilder(Servers.uri(server, "/static/site.css"))
                            .header("if-none-match", etag)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(Servers.get(server, "/page").statusCode()).isEqualTo(200);
            String text = admin(server, "/metrics").body();
            assertThat(sample(text, "jgi_static_responses_total{result=\"hit\"}"))
                    .isEqualTo(1);
            assertThat(sample(text, "jgi_static_responses_total{result=\"not_modified\"}"))
                    .isEqualTo(1);
            assertThat(
                            sample(
                                    text,
                                    "jgi_http_request_duration_seconds_count{handler=\"static\",method=\"GET\",status=\"3xx\"}"))
                    .isEqualTo(1);
            assertThat(
                            sample(
                                    text,
                                    "jgi_http_request_duration_seconds_count{handler=\"gateway\",method=\"GET\",status=\"2xx\"}"))
                    .isEqualTo(1);
        }
    }

    @Test
    void statusListsTheRequestsInFlightWithAgeMethodPathAndThread() throws Exception {
        Held held = new Held();
        Application slow = held::handle;
        try (GatewayServer server = Servers.started(Servers.quiet(slow).adminBind("0"))) {
            CompletableFuture<HttpResponse<String>> inFlight = Servers.CLIENT.sendAsync(
                    HttpRequest.newBuilder(Servers.uri(server, "/reports/big.pdf?year=2025"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(held.entered.await(10, TimeUnit.SECONDS)).isTrue();
            String status = admin(server, "/status.json").body();
            assertThat(status)
                    .contains("\"method\":\"GET\",\"target\":\"/reports/big.pdf?year=2025\"")
                    .containsPattern("\"thread\":\"virtual #\\d+")
                    .contains("\"inFlightCount\":1")
                    .contains("\"ready\":true")
                    .contains("\"admin-bind\":\"0\"");
            assertThat(admin(server, "/threads").body()).contains("AdminListenerTest");
            held.release.countDown();
            assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theStatusPageAndItsChartLibraryComeFromTheJar() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(ECHO).adminBind("0"))) {
            assertThat(admin(server, "/").body()).contains("<script src=\"/assets/uPlot.iife.min.js\">");
            HttpResponse<String> uplot = admin(server, "/assets/uPlot.iife.min.js");
            assertThat(uplot.statusCode()).isEqualTo(200);
            assertThat(uplot.body()).contains("uPlot");
            assertThat(admin(server, "/assets/uPlot-LICENSE.txt").body()).contains("MIT");
        }
    }

    @Test
    void aTokenGuardsEverythingButTheProbes() throws Exception {
        try (GatewayServer server =
                Servers.started(Servers.quiet(ECHO).adminBind("0").adminToken("s3cret-token"))) {
            assertThat(admin(server, "/livez").statusCode()).isEqualTo(200);
            assertThat(admin(server, "/readyz").statusCode()).isEqualTo(200);
            HttpResponse<String> missing = admin(server, "/metrics");
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("www-authenticate").orElseThrow())
                    .startsWith("Basic");
            assertThat(admin(server, "/metrics", "authorization", "Bearer wrong")
                            .statusCode())
                    .isEqualTo(401);
            assertThat(admin(server, "/status.json", "authorization", "Bearer s3cret-token")
                            .statusCode())
                    .isEqualTo(200);
            String basic = Base64.getEncoder().encodeToString("ops:s3cret-token".getBytes(StandardCharsets.UTF_8));
            assertThat(admin(server, "/", "authorization", "Basic " + basic).statusCode())
                    .isEqualTo(200);
            assertThat(admin(server, "/status.json", "authorization", "Bearer s3cret-token")
                            .body())
                    .doesNotContain("s3cret-token")
                    .contains("\"admin-token\":\"(set, hidden)\"");
        }
    }

    @Test
    void aNonLoopbackAdminBindWithoutATokenIsRefused() {
        assertThatThrownBy(() -> Servers.quiet(ECHO).adminBind("0.0.0.0:0").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("admin-bind 0.0.0.0:0 is not a loopback address");
    }

    @Test
    void anEmptyTokenFileIsRefused(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("token"), "\n");
        assertThatThrownBy(() -> GatewayServer.builder(ECHO)
                        .config(ServerConfig.fromText(
                                java.util.Map.of("admin-bind", "0", "admin-token-file", empty.toString())))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is empty");
    }
}
