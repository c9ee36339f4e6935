package dev.jgi.server.http;

import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.kernel.body.LimitedBody;
import java.io.InputStream;
import java.util.function.Consumer;

/** What a sync application gets besides the request head. Early hints are not offered [JGI-CAP-5]. */
final class SyncExchange implements Exchange {

    private final Transport transport;
    private final LimitedBody body;

    SyncExchange(Transport transport, LimitedBody body) {
        this.transport = transport;
        this.body = body;
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void limitBody(long maxBytes) {
        body.lower(maxBytes);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        transport.hooks.add(hook);
    }

    /** Watches the connection from the first call on, so that a client that left is noticed without a write [JGI-DISC-2]. */
    @Override
    public boolean isDisconnected() {
        if (!transport.isDisconnected()) {
            transport.execute(transport::watch);
        }
        return transport.isDisconnected();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        transport.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        transport.drain.add(callback);
    }

    @Override
    public boolean sendEarlyHints(Headers headers) {
        java.util.Objects.requireNonNull(headers);
        return false;
    }
}
