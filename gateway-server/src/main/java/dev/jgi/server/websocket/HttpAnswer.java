package dev.jgi.server.websocket;

import dev.jgi.api.Headers;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/** An ordinary HTTP response in place of an upgrade: a deny [JGI-WS-4], or a 500 [JGI-ERR-6]. */
final class HttpAnswer {

    private HttpAnswer() {}

    /**
     * Sends the response and ends the exchange; runs on the exchange's I/O thread.
     *
     * @param whenDone called once with {@code null}, or with the failure that cut the response off
     */
    static void send(
            HttpServerExchange http, int status, Headers headers, ByteBuffer body, Consumer<Throwable> whenDone) {
        http.setStatusCode(status);
        headers.forEach((name, value) -> http.getResponseHeaders().add(HttpString.tryFromString(name), value));
        http.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_LENGTH, body.remaining());
        http.getResponseSender().send(body, new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange exchange, Sender sender) {
                IoCallback.END_EXCHANGE.onComplete(exchange, sender);
                whenDone.accept(null);
            }

            @Override
            public void onException(HttpServerExchange exchange, Sender sender, IOException failure) {
                IoCallback.END_EXCHANGE.onException(exchange, sender, failure);
                whenDone.accept(failure);
            }
        });
    }
}
