package dev.jgi.tck.selftest;

import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Faults in what the server does with the response a sync application returns, and in the body
 * events it hands an async one, for clauses the other mutants leave alone.
 */
final class ResponseFaults {

    private ResponseFaults() {}

    static List<Fault> all() {
        return List.of(
                Wrap.response(
                        "5xx-sent-as-500",
                        Set.of("JGI-RESP-2"),
                        (request, r) -> r.status() > 500 ? r.withStatus(500) : r),
                Wrap.response(
                        "hop-by-hop-fields-dropped",
                        Set.of("JGI-RESP-5", "JGI-ERR-4", "JGI-RESP-9", "JGI-FRAME-11"),
                        (request, r) -> r.withHeaders(r.headers()
                                .without("connection")
                                .without("keep-alive")
                                .without("transfer-encoding")
                                .without("upgrade"))),
                Fault.ofApps(
                        "second-last-body-event",
                        Set.of("JGI-ASYNC-2", "JGI-DISC-3"),
                        app -> app,
                        app -> Wrap.async(app, (request, channel) -> app.handle(request, new SecondLast(channel)))),
                Fault.ofApps(
                        "unknown-action-accepted",
                        Set.of("JGI-EVO-3"),
                        app -> app,
                        app -> Wrap.async(
                                app, (request, channel) -> app.handle(request, new AcceptingUnknown(channel)))));
    }

    /** A channel that completes the stage of an action it does not know instead of failing it. */
    private static final class AcceptingUnknown extends ForwardingChannel {
        AcceptingUnknown(Channel server) {
            super(server);
        }

        @Override
        public CompletionStage<Void> send(dev.jgi.api.Action action) {
            return action instanceof dev.jgi.api.Action.Extension
                    ? CompletableFuture.completedFuture(null)
                    : super.send(action);
        }
    }

    /** A channel that delivers an empty body event marked last once more after the last one. */
    private static final class SecondLast extends ForwardingChannel {
        private volatile boolean lastSeen;
        private volatile boolean repeated;

        SecondLast(Channel server) {
            super(server);
        }

        @Override
        public CompletionStage<Event> receive() {
            if (lastSeen && !repeated) {
                repeated = true;
                return CompletableFuture.completedFuture(new Event.RequestBody(ByteBuffer.allocate(0), true));
            }
            return server.receive().thenApply(event -> {
                lastSeen |= event instanceof Event.RequestBody body && body.last();
                return event;
            });
        }
    }
}
