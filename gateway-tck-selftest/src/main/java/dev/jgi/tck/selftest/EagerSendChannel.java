package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A channel that queues WebSocket messages without bound and completes their send stages at
 * once, as a server that does not wait for the transport would [JGI-WS-10].
 */
final class EagerSendChannel extends ForwardingChannel {
    private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);

    EagerSendChannel(Channel server) {
        super(server);
    }

    @Override
    public synchronized CompletionStage<Void> send(Action action) {
        queue = queue.thenCompose(x -> server.send(action));
        return action instanceof Action.WebSocketSendBinary ? CompletableFuture.completedFuture(null) : queue;
    }
}
