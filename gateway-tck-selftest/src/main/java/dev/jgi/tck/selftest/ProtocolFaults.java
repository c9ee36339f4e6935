package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.kernel.response.ResponseHead;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Faults of the protocol corrections made while 1.0 was a candidate: a server that still serves another major
 * HTTP version as HTTP/1.1, passes CONNECT on, drops a 426's {@code upgrade} or an application's
 * {@code connection: close}, or gates file actions on {@code FILE_SENDING}.
 */
final class ProtocolFaults {

    private ProtocolFaults() {}

    static List<Fault> all() {
        return List.of(
                Fault.ofWire("other-major-version-served-as-http11", Set.of("JGI-REQ-11"), new WireFault() {
                    @Override
                    public String request(String head) {
                        int end = head.indexOf("\r\n");
                        return end > 8 && head.substring(0, end).matches(".* HTTP/[02-9]\\.[0-9]")
                                ? head.substring(0, end - 8) + "HTTP/1.1" + head.substring(end)
                                : head;
                    }
                }),
                Fault.ofWire("connect-passed-on", Set.of("JGI-REQ-12"), new WireFault() {
                    @Override
                    public String request(String head) {
                        // The server then answers OPTIONS * itself [JGI-REQ-10], whatever its mount.
                        return head.startsWith("CONNECT ") ? head.replaceFirst("^CONNECT \\S+ ", "OPTIONS * ") : head;
                    }
                }),
                droppingField("upgrade-dropped-from-426", "upgrade", Set.of("JGI-RESP-9")),
                droppingField("application-close-ignored", "connection", Set.of("JGI-FRAME-11")),
                Fault.ofApps(
                        "file-action-gated-on-file-sending",
                        // The file-region test runs the async variant too, and names JGI-BODYOUT-1.
                        Set.of("JGI-BODYOUT-7", "JGI-BODYOUT-1"),
                        app -> app,
                        app -> Wrap.async(
                                app,
                                (request, channel) -> app.handle(request, new Sending(channel, action -> {
                                    if (action instanceof Action.ResponseFile) {
                                        return CompletableFuture.failedFuture(new IllegalStateException(
                                                "[JGI-CAP-5] ResponseFile needs the FILE_SENDING capability"));
                                    }
                                    return null;
                                })))));
    }

    /** The server loses a response field before it sends the head, on both interfaces. */
    private static Fault droppingField(String name, String field, Set<String> clauses) {
        return Fault.ofApps(
                name,
                clauses,
                app -> Wrap.sync(app, (request, exchange) -> {
                    var response = app.handle(request, exchange);
                    // Only a head that may carry the field: a 200 with upgrade is the hop-by-hop test's 500.
                    return ResponseHead.breaches(response.status(), response.headers())
                                    .isEmpty()
                            ? response.withHeaders(response.headers().without(field))
                            : response;
                }),
                app -> Wrap.async(
                        app,
                        (request, channel) -> app.handle(request, new Sending(channel, action -> {
                            if (action instanceof Action.ResponseStart start
                                    && ResponseHead.breaches(start.status(), start.headers())
                                            .isEmpty()) {
                                return channel.send(new Action.ResponseStart(
                                        start.status(), start.headers().without(field), start.trailers()));
                            }
                            return null;
                        }))));
    }

    /** A channel whose sends pass a fault first: it answers an action itself, or returns null to pass it on. */
    private static final class Sending extends ForwardingChannel {
        private final Function<Action, CompletionStage<Void>> fault;

        Sending(Channel server, Function<Action, CompletionStage<Void>> fault) {
            super(server);
            this.fault = fault;
        }

        @Override
        public CompletionStage<Void> send(Action action) {
            CompletionStage<Void> answered = fault.apply(action);
            return answered != null ? answered : server.send(action);
        }
    }
}
