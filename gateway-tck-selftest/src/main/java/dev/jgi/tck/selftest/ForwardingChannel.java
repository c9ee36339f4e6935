package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A channel that hands everything to the server's; a fault overrides what it breaks. */
class ForwardingChannel implements Channel {
    final Channel server;

    ForwardingChannel(Channel server) {
        this.server = server;
    }

    @Override
    public CompletionStage<Event> receive() {
        return server.receive();
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
    public Headers requestTrailers() {
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
