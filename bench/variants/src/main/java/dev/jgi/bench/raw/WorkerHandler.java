package dev.jgi.bench.raw;

import dev.jgi.bench.Workload;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Undertow's best blocking mode: runs on its worker pool (behind a {@code BlockingHandler}) and
 * uses the blocking streams, as a servlet-style application would.
 */
final class WorkerHandler implements HttpHandler {
    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        switch (exchange.getRequestPath()) {
            case "/plaintext" -> write(exchange, "text/plain", Workload.plaintextBytes());
            case "/json" -> write(exchange, "application/json", Workload.json().getBytes(StandardCharsets.UTF_8));
            case "/echo" ->
                write(
                        exchange,
                        "application/octet-stream",
                        exchange.getInputStream().readAllBytes());
            case "/stream" -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                OutputStream out = exchange.getOutputStream();
                byte[] chunk = Workload.streamChunk();
                for (int i = 0; i < Workload.STREAM_CHUNKS; i++) {
                    out.write(chunk);
                    out.flush();
                }
            }
            case "/sleep" -> {
                Thread.sleep(Workload.SLEEP);
                write(exchange, "text/plain", "slept".getBytes(StandardCharsets.US_ASCII));
            }
            default -> exchange.setStatusCode(404);
        }
    }

    private static void write(HttpServerExchange exchange, String type, byte[] body) throws Exception {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getOutputStream().write(body);
    }
}
