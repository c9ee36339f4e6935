package dev.jgi.servlet.internal;

import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.kernel.body.LimitedBody;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** What a sync application gets besides the request head. */
final class SyncExchange implements Exchange {

    private final BodyInput body;
    private final LimitedBody limited;
    private final Completions hooks;
    private volatile BodyOutput output;

    SyncExchange(BodyInput body, OptionalLong announced, Completions hooks) {
        this.body = body;
        this.limited = new LimitedBody(body, announced);
        this.hooks = hooks;
    }

    void writingTo(BodyOutput out) {
        output = out;
    }

    @Override
    public InputStream body() {
        return limited;
    }

    @Override
    public void limitBody(long maxBytes) {
        limited.lower(maxBytes);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        hooks.add(hook);
    }

    /** Servlet containers report a gone client only when a read or write fails [JGI-DISC-2]. */
    @Override
    public boolean isDisconnected() {
        BodyOutput out = output;
        return body.disconnected() || (out != null && out.disconnected());
    }

    /** Servlet 6.1 has no interim-response API, so the bridge does not declare EARLY_HINTS [JGI-CAP-5]. */
    @Override
    public boolean sendEarlyHints(Headers headers) {
        return false;
    }

    @Override
    public Headers requestTrailers() {
        return body.trailers();
    }
}
