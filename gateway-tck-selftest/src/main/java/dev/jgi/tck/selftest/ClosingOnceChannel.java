package dev.jgi.tck.selftest;

import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A channel that, after the WebSocket close event, answers later receives with a disconnect. */
final class ClosingOnceChannel extends ForwardingChannel {
    private volatile boolean closed;

    ClosingOnceChannel(Channel server) {
        super(server);
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
}
