package dev.jgi.harness;

import dev.jgi.api.Capability;
import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.kernel.body.LimitedBody;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;

/** The harness's side of a sync exchange. */
final class TestExchange implements Exchange {

    private final LimitedBody body;
    private final Hooks hooks;
    private final ClientState client;
    private final ResponseSink sink;
    private final boolean earlyHintsAllowed;
    private final boolean ignoresLimit;

    TestExchange(
            BodyPieces body, Hooks hooks, ClientState client, ResponseSink sink, Request head, boolean ignoresLimit) {
        this.body = new LimitedBody(body.asStream(), head.bodyLength());
        this.ignoresLimit = ignoresLimit;
        this.hooks = hooks;
        this.client = client;
        this.sink = sink;
        this.earlyHintsAllowed = head.capabilities().contains(Capability.EARLY_HINTS)
                && !head.version().equals("HTTP/1.0");
    }

    @Override
    public InputStream body() {
        return body;
    }

    /** [JGI-LIM-7] */
    @Override
    public void limitBody(long maxBytes) {
        if (!ignoresLimit) {
            body.lower(maxBytes);
        }
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        hooks.add(hook);
    }

    @Override
    public boolean isDisconnected() {
        return client.gone();
    }

    /** [JGI-DISC-6] */
    @Override
    public void onDisconnect(Runnable callback) {
        client.onDisconnect(callback);
    }

    /** [JGI-LIFE-9] */
    @Override
    public void onDrain(Runnable callback) {
        client.onDrain(callback);
    }

    /** The exchange ended: its callbacks are dropped. */
    void ended() {
        client.ended();
    }

    /** [JGI-EXT-3] */
    @Override
    public boolean sendEarlyHints(Headers headers) {
        Objects.requireNonNull(headers);
        if (!earlyHintsAllowed || sink.committed() || client.gone()) {
            return false;
        }
        sink.earlyHints(headers);
        return true;
    }
}
