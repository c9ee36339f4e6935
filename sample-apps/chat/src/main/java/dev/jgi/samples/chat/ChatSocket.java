package dev.jgi.samples.chat;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One WebSocket client in a room: accepted, subscribed, and relaying its messages until it closes,
 * or until the server's drain signal, when it closes with 1001 (going away) [JGI-LIFE-10].
 */
final class ChatSocket {

    private final Rooms rooms;
    private final String room;
    private final Channel channel;

    private final Outbox outbox;

    ChatSocket(Rooms rooms, String room, Channel channel) {
        this.rooms = rooms;
        this.room = room;
        this.channel = channel;
        this.outbox = new Outbox(channel, new Action.WebSocketClose(1008, "too far behind"));
    }

    CompletionStage<Void> run() {
        Consumer<String> listener = json -> outbox.offer(new Action.WebSocketSendText(json));
        return channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                .thenCompose(accepted -> {
                    // A graceful shutdown began: close with 1001 so that the client reconnects to
                    // another instance now, not when the graceful timeout cuts the socket.
                    channel.onDrain(() -> outbox.finish(new Action.WebSocketClose(1001, "server shutting down")));
                    rooms.join(room, listener);
                    return loop();
                })
                .whenComplete((done, failure) -> rooms.leave(room, listener));
    }

    private CompletionStage<Void> loop() {
        return channel.receive().thenCompose(event -> switch (event) {
            case Event.WebSocketText text -> {
                try {
                    rooms.publish(Message.parse(room, text.text(), System.currentTimeMillis()));
                    yield loop();
                } catch (IllegalArgumentException bad) {
                    outbox.offer(new Action.WebSocketSendText("{\"error\":" + quote(bad.getMessage()) + "}"));
                    yield loop();
                }
            }
            case Event.WebSocketBinary binary -> {
                outbox.finish(new Action.WebSocketClose(1003, "text messages only"));
                yield loop();
            }
            case Event.WebSocketClose close -> CompletableFuture.<Void>completedFuture(null);
            default -> CompletableFuture.<Void>completedFuture(null);
        });
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
