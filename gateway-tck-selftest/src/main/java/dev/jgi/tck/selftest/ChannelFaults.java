package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Faults of the async channel's contract: the order of the events it delivers, the failures of its
 * send stages, and what the server does when the application's stage completes.
 */
final class ChannelFaults {

    private ChannelFaults() {}

    static List<Fault> all() {
        return List.of(
                Wrap.channel(
                        "body-events-reordered",
                        // The body's bytes arrive out of order, so the echo tests see another body.
                        Set.of("JGI-ASYNC-1", "JGI-BODY-1", "JGI-BODY-2"),
                        (request, channel) -> new Reordering(channel)),
                Wrap.channel(
                        "out-of-order-action-accepted",
                        // EVO-3 too: an unknown extension action is refused by the same IllegalStateException.
                        Set.of("JGI-ASYNC-5", "JGI-EVO-3"),
                        (request, channel) -> new Failing(
                                channel,
                                failure -> failure instanceof IllegalStateException
                                        ? CompletableFuture.completedFuture(null)
                                        : CompletableFuture.failedFuture(failure))),
                Wrap.channel(
                        "disconnect-send-failed-as-io-error",
                        Set.of("JGI-DISC-4"),
                        (request, channel) -> new Failing(
                                channel,
                                failure -> CompletableFuture.failedFuture(
                                        failure instanceof ClientDisconnectedException
                                                ? new IOException("Broken pipe", failure)
                                                : failure))),
                Fault.ofApps(
                        "open-exchange-finished-when-handle-completes",
                        Set.of("JGI-ASYNC-7", "JGI-ERR-6"),
                        app -> app,
                        app -> Wrap.async(app, (request, channel) -> {
                            if (request.kind() != Request.Kind.HTTP) {
                                return app.handle(request, channel);
                            }
                            Finishing finishing = new Finishing(channel);
                            return app.handle(request, finishing).thenCompose(done -> finishing.finish());
                        })));
    }

    /** A channel that delivers the first two body pieces of a request in swapped order. */
    private static final class Reordering extends ForwardingChannel {
        private volatile Event pending;
        private volatile boolean tried;

        Reordering(Channel server) {
            super(server);
        }

        @Override
        public CompletionStage<Event> receive() {
            Event next = pending;
            if (next != null) {
                pending = null;
                return CompletableFuture.completedFuture(next);
            }
            if (tried) {
                return server.receive();
            }
            tried = true;
            return server.receive()
                    .thenCompose(first -> first instanceof Event.RequestBody body && !body.last()
                            ? server.receive().thenApply(second -> {
                                boolean swap = second instanceof Event.RequestBody piece && !piece.last();
                                pending = swap ? first : second;
                                return swap ? second : first;
                            })
                            : CompletableFuture.completedFuture(first));
        }
    }

    /** A channel whose failed send stages pass through a fault that decides how they end. */
    private static final class Failing extends ForwardingChannel {
        private final java.util.function.Function<Throwable, CompletionStage<Void>> fault;

        Failing(Channel server, java.util.function.Function<Throwable, CompletionStage<Void>> fault) {
            super(server);
            this.fault = fault;
        }

        @Override
        public CompletionStage<Void> send(Action action) {
            return server.send(action)
                    .handle((ok, failure) -> failure)
                    .thenCompose(failure -> failure == null
                            ? CompletableFuture.<Void>completedFuture(null)
                            : fault.apply(
                                    failure instanceof CompletionException c && c.getCause() != null
                                            ? c.getCause()
                                            : failure));
        }
    }

    /**
     * A channel that remembers how far the response got, so that a server with this fault can finish
     * it with a 200 or a clean end instead of the 500 or abort the application's early return needs.
     */
    private static final class Finishing extends ForwardingChannel {
        private boolean started;
        private boolean ended;

        Finishing(Channel server) {
            super(server);
        }

        @Override
        public CompletionStage<Void> send(Action action) {
            synchronized (this) {
                started |= action instanceof Action.ResponseStart;
                ended |= (action instanceof Action.ResponseBody body && !body.more())
                        || (action instanceof Action.ResponseFile file && !file.more())
                        || action instanceof Action.ResponseTrailers;
            }
            return super.send(action);
        }

        synchronized CompletionStage<Void> finish() {
            if (ended) {
                return CompletableFuture.completedFuture(null);
            }
            CompletionStage<Void> head = started
                    ? CompletableFuture.completedFuture(null)
                    : super.send(new Action.ResponseStart(200, Headers.of(), false));
            return head.thenCompose(x -> super.send(Action.ResponseBody.end()));
        }
    }
}
