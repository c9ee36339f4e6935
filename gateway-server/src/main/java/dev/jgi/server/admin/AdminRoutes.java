package dev.jgi.server.admin;

import dev.jgi.server.metrics.Sampler;
import dev.jgi.server.metrics.ServerMetrics;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The admin listener's endpoints. It never reaches the application.
 *
 * <ul>
 *   <li>{@code /livez}: 200 while the process runs and its I/O threads answer.
 *   <li>{@code /readyz}: 200 once the lifespan started and the listeners are bound, 503 from the
 *       first moment of a graceful shutdown, and while the application's readiness check says no.
 *   <li>{@code /metrics}: Prometheus text or OpenMetrics, as the {@code Accept} field asks.
 *   <li>{@code /}: the live status page; {@code /status.json} its data; {@code /threads} a thread
 *       dump, virtual threads included.
 * </ul>
 *
 * The two probes answer without credentials, so that load balancers and orchestrators can use them;
 * they say nothing but up or not. Everything else needs the token when one is set (401 otherwise).
 */
public final class AdminRoutes implements HttpHandler {

    private static final String PAGE = "/dev/jgi/server/admin/page/";
    private static final Map<String, String> ASSETS = Map.of(
            "/", "status.html",
            "/assets/status.js", "status.js",
            "/assets/status.css", "status.css",
            "/assets/uPlot.iife.min.js", "uplot/uPlot.iife.min.js",
            "/assets/uPlot.min.css", "uplot/uPlot.min.css",
            "/assets/uPlot-LICENSE.txt", "uplot/LICENSE");

    private final AdminAccess access;
    private final ServerMetrics metrics;
    private final StatusReport report;
    private final BooleanSupplier ready;
    private final ExpositionFormats formats = ExpositionFormats.init();

    /**
     * @param settings the effective settings to show, secrets already hidden
     * @param ready    whether the server is ready for traffic
     */
    public AdminRoutes(
            AdminAccess access,
            ServerMetrics metrics,
            Sampler sampler,
            BooleanSupplier ready,
            String server,
            Map<String, String> settings) {
        this.access = access;
        this.metrics = metrics;
        this.report = new StatusReport(server, settings, metrics, sampler);
        this.ready = ready;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.setPersistent(true);
        String path = exchange.getRequestPath();
        boolean get = exchange.getRequestMethod().equals(Methods.GET)
                || exchange.getRequestMethod().equals(Methods.HEAD);
        if (!get) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            text(exchange, 405, "405 Method Not Allowed: the admin listener only reads\n");
            return;
        }
        switch (path) {
            case "/livez" -> text(exchange, 200, "ok\n");
            case "/readyz" -> {
                boolean up = ready.getAsBoolean();
                text(
                        exchange,
                        up ? 200 : 503,
                        up ? "ready\n" : "not ready: starting, draining, or the application says so\n");
            }
            default -> {
                if (!access.admits(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
                    exchange.getResponseHeaders()
                            .put(Headers.WWW_AUTHENTICATE, "Basic realm=\"jgi admin\", charset=\"UTF-8\"");
                    text(exchange, 401, "401 Unauthorized: the admin token is missing or wrong\n");
                } else if (exchange.isInIoThread()) {
                    // Scrapes, reports and dumps read MXBeans and may take milliseconds: off the I/O thread.
                    exchange.dispatch(this::authorized);
                } else {
                    authorized(exchange);
                }
            }
        }
    }

    private void authorized(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        switch (path) {
            case "/metrics" -> metrics(exchange);
            case "/status.json" -> send(exchange, 200, "application/json", report.json(ready.getAsBoolean()));
            case "/threads" -> text(exchange, 200, ThreadDump.text());
            default -> {
                String asset = ASSETS.get(path);
                if (asset == null) {
                    text(
                            exchange,
                            404,
                            "404 Not Found: the admin listener has /, /livez, /readyz, /metrics, "
                                    + "/status.json and /threads\n");
                } else {
                    asset(exchange, asset);
                }
            }
        }
    }

    private void metrics(HttpServerExchange exchange) {
        ExpositionFormatWriter writer =
                formats.findWriter(exchange.getRequestHeaders().getFirst(Headers.ACCEPT));
        ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
        try {
            writer.write(body, metrics.registry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, writer.getContentType());
        exchange.getResponseSender().send(ByteBuffer.wrap(body.toByteArray()));
    }

    private static void asset(HttpServerExchange exchange, String name) {
        try (InputStream in = AdminRoutes.class.getResourceAsStream(PAGE + name)) {
            if (in == null) {
                text(exchange, 500, "500 Internal Server Error: the server jar lacks " + name + "\n");
                return;
            }
            String type = name.endsWith(".html")
                    ? "text/html; charset=utf-8"
                    : name.endsWith(".js")
                            ? "text/javascript; charset=utf-8"
                            : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/plain; charset=utf-8";
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
            exchange.getResponseSender().send(ByteBuffer.wrap(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(HttpServerExchange exchange, int status, String body) {
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void send(HttpServerExchange exchange, int status, String type, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}
