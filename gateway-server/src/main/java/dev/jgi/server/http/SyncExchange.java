package dev.jgi.server.http;

import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.kernel.body.LimitedBody;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** What a sync application gets besides the request head. */
final class SyncExchange implements Exchange {

    private final Transport transport;
    private final LimitedBody body;
    private final BodyReader reader;
    private final boolean earlyHints;

    /**
     * @param reader     what reads the body, null for a request without one
     * @param earlyHints whether the request holds {@code EARLY_HINTS} [JGI-CAP-6]
     */
    SyncExchange(Transport transport, LimitedBody body, BodyReader reader, boolean earlyHints) {
        this.transport = transport;
        this.body = body;
        this.reader = reader;
        this.earlyHints = earlyHints;
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
        ClientDeparture departure = transport.departure;
        if (!departure.isDisconnected()) {
            transport.execute(departure::watch);
        }
        return departure.isDisconnected();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        transport.departure.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        transport.drain.add(callback);
    }

    /**
     * Waits until the 103 was written, so that it precedes the final response [JGI-EXT-11]; false
     * at once for a request without {@code EARLY_HINTS} [JGI-CAP-5].
     */
    @Override
    public boolean sendEarlyHints(Headers headers) {
        java.util.Objects.requireNonNull(headers, "headers");
        if (!earlyHints) {
            return false;
        }
        try {
            return Interim.earlyHints(transport, headers).get();
        } catch (ExecutionException notSent) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Headers requestTrailers() {
        return reader == null ? Headers.of() : reader.trailers();
    }
}
