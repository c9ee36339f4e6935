package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A channel that, after the WebSocket close event, answers later receives with a disconnect. */
final class ClosingOnceChannel implements Channel {
    private final Channel server;
    private volatile boolean closed;

    ClosingOnceChannel(Channel server) {
        this.server = server;
    }

    @Override
    public CompletionStage<Event> receive() {
        if (closed) {
            return CompletableFuture.completedFuture(new Event.Disconnect());
        }
        return server.receive().thenApply(event -> {
            closed = event instanceof Event.WebSocketClose;
            return event;
        });
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        return server.send(action);
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
