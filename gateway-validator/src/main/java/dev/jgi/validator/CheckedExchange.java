package dev.jgi.validator;

import dev.jgi.api.Capability;
import dev.jgi.api.Completion;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import dev.jgi.api.WebSocketHandshake;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** The server's {@link Exchange} as the application sees it through the validator. */
final class CheckedExchange implements Exchange {

    private final Exchange exchange;
    private final Request request;
    private final Optional<ServerInfo> info;
    private final Reporter reporter;
    private final HookCheck hooks;
    private final SignalCheck signals;
    private CheckedInput body;
    private CheckedWebSocket webSocket;
    private long limit = Long.MAX_VALUE;
    private volatile boolean handed;
    private volatile boolean bodyWritten;

    CheckedExchange(Exchange exchange, Request request, Optional<ServerInfo> info, Reporter reporter) {
        this.exchange = exchange;
        this.request = request;
        this.info = info;
        this.reporter = reporter;
        this.hooks = new HookCheck(reporter);
        exchange.onComplete(hooks.first());
        this.signals = new SignalCheck(reporter);
        exchange.onComplete(signals.completion());
    }

    HookCheck hooks() {
        return hooks;
    }

    /** The application returned its response. */
    void handed() {
        handed = true;
    }

    /** The server finished writing the body (a writer returned, a stream ended). */
    void bodyWritten() {
        bodyWritten = true;
    }

    private boolean written() {
        return bodyWritten || hooks.completing();
    }

    private void checkUse(String what) {
        if (written()) {
            reporter.report(Violation.byApplication("JGI-APP-8", what + " after the response was written"));
        }
    }

    /** Asks the server for its stream only when the application does: a server may tie work to it. */
    @Override
    public synchronized InputStream body() {
        checkUse("Exchange.body()");
        if (body == null) {
            // Only a received content-length binds the body; an absent one is not a promise of none.
            OptionalLong length =
                    request.headers().first("content-length").isPresent() ? request.bodyLength() : OptionalLong.empty();
            body = new CheckedInput(exchange.body(), length, this::written, reporter);
            if (limit != Long.MAX_VALUE) {
                body.limited(limit);
            }
        }
        return body;
    }

    /** Passes the limit on, and remembers it so that a body past it is reported [JGI-LIM-7]. */
    @Override
    public synchronized void limitBody(long maxBytes) {
        checkUse("Exchange.limitBody");
        exchange.limitBody(maxBytes);
        limit = Math.min(limit, maxBytes);
        if (body != null) {
            body.limited(limit);
        }
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        checkUse("Exchange.onComplete");
        exchange.onComplete(hooks.wrap(Objects.requireNonNull(hook, "hook")));
    }

    @Override
    public boolean isDisconnected() {
        return exchange.isDisconnected();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        checkUse("Exchange.onDisconnect");
        exchange.onDisconnect(signals.disconnect(callback));
    }

    @Override
    public void onDrain(Runnable callback) {
        checkUse("Exchange.onDrain");
        exchange.onDrain(signals.drain(callback));
    }

    /** [JGI-EXT-3] [JGI-CAP-5] */
    @Override
    public boolean sendEarlyHints(Headers headers) {
        checkUse("Exchange.sendEarlyHints");
        if (handed && !written()) {
            reporter.report(Violation.byApplication("JGI-EXT-5", "early hints after the response was handed over"));
        }
        boolean sent = exchange.sendEarlyHints(headers);
        if (sent && info.isPresent() && !request.capabilities().contains(Capability.EARLY_HINTS)) {
            reporter.report(Violation.byServer(
                    "JGI-CAP-5", "sendEarlyHints returned true on a request that lacks EARLY_HINTS"));
        }
        if (sent && request.version().equals("HTTP/1.0")) {
            reporter.report(Violation.byServer("JGI-EXT-11", "sendEarlyHints returned true for an HTTP/1.0 client"));
        }
        return sent;
    }

    /** The server's handshake, checked; none for a request that is not one [JGI-REQ-9] [JGI-WS-11]. */
    @Override
    public synchronized Optional<WebSocketHandshake> webSocket() {
        Optional<WebSocketHandshake> offered = exchange.webSocket();
        if (offered.isPresent() && request.kind() != Request.Kind.WEBSOCKET) {
            reporter.report(Violation.byServer("JGI-REQ-9", "a WebSocket handshake offered on a request of kind HTTP"));
        }
        if (offered.isEmpty() && request.kind() == Request.Kind.WEBSOCKET) {
            reporter.report(
                    Violation.byServer("JGI-WS-11", "a handshake of kind WEBSOCKET without Exchange.webSocket()"));
        }
        if (offered.isPresent() && webSocket == null) {
            webSocket = new CheckedWebSocket(offered.get(), request, reporter);
        }
        return Optional.ofNullable(webSocket);
    }

    /** Whether the application accepted a WebSocket handshake: then its response is not sent [JGI-WS-15]. */
    boolean accepted() {
        return webSocket != null && webSocket.accepted();
    }

    /** Handed through, as a middleware must [JGI-BODY-14] [JGI-ROLE-2]. */
    @Override
    public Headers requestTrailers() {
        checkUse("Exchange.requestTrailers");
        return exchange.requestTrailers();
    }
}
