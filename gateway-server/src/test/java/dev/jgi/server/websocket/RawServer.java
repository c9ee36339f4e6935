package dev.jgi.server.websocket;

import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Undertow with nothing but the WebSocket entry point in front of an async application: tests the
 * WebSocket layer on real sockets without the rest of the server.
 */
final class RawServer implements AutoCloseable {

    private final Undertow undertow;

    RawServer(AsyncApplication app, WebSocketSettings settings) {
        WebSocketUpgrade webSockets = new WebSocketUpgrade(settings);
        undertow = Undertow.builder()
                .setIoThreads(2)
                .addHttpListener(0, "127.0.0.1", http -> {
                    if (WebSocketUpgrade.isHandshake(http)) {
                        webSockets.serve(http, request(http), app);
                    } else {
                        http.setStatusCode(404);
                        http.endExchange();
                    }
                })
                .build();
        undertow.start();
    }

    int port() {
        return ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
    }

    private static Request request(HttpServerExchange http) {
        Headers.Builder headers = Headers.builder();
        http.getRequestHeaders()
                .forEach(values -> values.forEach(value ->
                        headers.add(values.getHeaderName().toString().toLowerCase(java.util.Locale.ROOT), value)));
        String raw = http.getRequestURI() + (http.getQueryString().isEmpty() ? "" : "?" + http.getQueryString());
        return Request.builder()
                .method(http.getRequestMethod().toString())
                .scheme("http")
                .version("HTTP/1.1")
                .target(RequestTarget.of(raw, http.getRequestURI(), http.getRequestPath(), Optional.empty()))
                .headers(headers.build())
                .client(http.getSourceAddress())
                .server(http.getDestinationAddress())
                .kind(Request.Kind.WEBSOCKET)
                .build();
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
