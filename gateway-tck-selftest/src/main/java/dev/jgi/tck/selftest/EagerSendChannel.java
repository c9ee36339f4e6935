package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A channel that queues WebSocket messages without bound and completes their send stages at
 * once, as a server that does not wait for the transport would [JGI-WS-10].
 */
final class EagerSendChannel implements Channel {
    private final Channel server;
    private CompletableFuture<Void> queue = CompletableFuture.completedFuture(null);

    EagerSendChannel(Channel server) {
        this.server = server;
    }

    @Override
    public CompletionStage<Event> receive() {
        return server.receive();
    }

    @Override
    public synchronized CompletionStage<Void> send(Action action) {
        queue = queue.thenCompose(x -> server.send(action));
        return action instanceof Action.WebSocketSendBinary ? CompletableFuture.completedFuture(null) : queue;
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        server.onComplete(hook);
    }

    @Override
    public void limitBody(long maxBytes) {

        server.limitBody(maxBytes);
    }

    @Override
    public dev.jgi.api.Headers requestTrailers() {
        return server.requestTrailers();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        server.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        server.onDrain(callback);
    }
}
