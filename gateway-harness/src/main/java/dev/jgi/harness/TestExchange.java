package dev.jgi.harness;

import dev.jgi.api.Capability;
import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.ServerInfo;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;

/** The harness's side of a sync exchange. */
final class TestExchange implements Exchange {

    private final InputStream body;
    private final Hooks hooks;
    private final ClientState client;
    private final ResponseSink sink;
    private final boolean earlyHintsAllowed;

    TestExchange(BodyPieces body, Hooks hooks, ClientState client, ResponseSink sink, ServerInfo info, String version) {
        this.body = body.asStream();
        this.hooks = hooks;
        this.client = client;
        this.sink = sink;
        this.earlyHintsAllowed = info.supports(Capability.EARLY_HINTS) && !version.equals("HTTP/1.0");
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        hooks.add(hook);
    }

    @Override
    public boolean isDisconnected() {
        return client.gone();
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
