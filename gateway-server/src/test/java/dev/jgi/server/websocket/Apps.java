package dev.jgi.server.websocket;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

/** An application that accepts and echoes every message, recording events and completions. */
final class Apps implements AsyncApplication {

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    final BlockingQueue<Channel> channels = new LinkedBlockingQueue<>();
    final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    static Apps echo() {
        return new Apps();
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        channel.onComplete(completions::add);
        channels.add(channel);
        requests.add(request);
        return channel.receive()
                .thenCompose(connect -> {
                    events.add(connect);
                    return channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of()));
                })
                .thenCompose(accepted -> loop(channel));
    }

    private CompletionStage<Void> loop(Channel channel) {
        return channel.receive().thenCompose(event -> {
            events.add(event);
            return switch (event) {
                case Event.WebSocketText text ->
                    channel.send(new Action.WebSocketSendText(text.text())).thenCompose(sent -> loop(channel));
                case Event.WebSocketBinary binary ->
                    channel.send(new Action.WebSocketSendBinary(binary.data())).thenCompose(sent -> loop(channel));
                case Event.WebSocketClose close -> CompletableFuture.<Void>completedFuture(null);
                default -> CompletableFuture.<Void>failedFuture(new AssertionError("unexpected " + event));
            };
        });
    }
}
