package dev.jgi.server.http;

import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import java.io.InputStream;
import java.util.function.Consumer;

/** What a sync application gets besides the request head. Early hints are not offered [JGI-CAP-5]. */
final class SyncExchange implements Exchange {

    private final Transport transport;
    private final InputStream body;

    SyncExchange(Transport transport, InputStream body) {
        this.transport = transport;
        this.body = body;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        transport.hooks.add(hook);
    }

    @Override
    public boolean isDisconnected() {
        return transport.disconnected;
    }

    @Override
    public boolean sendEarlyHints(Headers headers) {
        java.util.Objects.requireNonNull(headers);
        return false;
    }
}
