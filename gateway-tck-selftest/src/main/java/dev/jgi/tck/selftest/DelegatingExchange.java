package dev.jgi.tck.selftest;

import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.WebSocketHandshake;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/** An exchange that hands everything to the server's: faults override the part they break. */
class DelegatingExchange implements Exchange {
    private final Exchange server;

    DelegatingExchange(Exchange server) {
        this.server = server;
    }

    @Override
    public InputStream body() {
        return server.body();
    }

    @Override
    public void limitBody(long maxBytes) {
        server.limitBody(maxBytes);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        server.onComplete(hook);
    }

    @Override
    public void onDisconnect(Runnable callback) {
        server.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        server.onDrain(callback);
    }

    @Override
    public boolean isDisconnected() {
        return server.isDisconnected();
    }

    @Override
    public boolean sendEarlyHints(Headers headers) {
        return server.sendEarlyHints(headers);
    }

    @Override
    public Optional<WebSocketHandshake> webSocket() {
        return server.webSocket();
    }

    @Override
    public Headers requestTrailers() {
        return server.requestTrailers();
    }
}
