package dev.jgi.samples.chat;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The server-sent-events fallback: a {@code text/event-stream} response that never ends on its
 * own, one {@code data:} event per message, streamed as {@link Action.ResponseBody} pieces. It
 * ends when the client goes away: the next receive reports {@link Event.Disconnect}, or, where
 * the server learns of it only by writing, the periodic heartbeat comment fails to send. The
 * server's drain signal ends it cleanly, after the messages already queued [JGI-LIFE-10].
 */
final class EventStream {

    private final Rooms rooms;
    private final String room;
    private final Channel channel;

    private final Heartbeat heartbeat;

    EventStream(Rooms rooms, String room, Channel channel, Heartbeat heartbeat) {
        this.rooms = rooms;
        this.room = room;
        this.channel = channel;
        this.heartbeat = heartbeat;
    }

    CompletionStage<Void> run() {
        Outbox outbox = new Outbox(channel, Action.ResponseBody.end());
        Consumer<String> listener = json -> outbox.offer(piece("data: " + json + "\n\n"));
        Headers headers = Headers.of(
                "content-type",
                "text/event-stream; charset=utf-8",
                "cache-control",
                "no-cache",
                "x-accel-buffering",
                "no");
        return RequestBodies.read(channel, 0)
                .thenCompose(body -> channel.send(new Action.ResponseStart(200, headers, false)))
                // A comment first, so that the client sees the stream open before any message.
                .thenCompose(started -> channel.send(piece(": connected\n\n")))
                .thenCompose(sent -> {
                    // A graceful shutdown began: end the stream cleanly (EventSource reconnects,
                    // through the balancer to another instance) rather than be cut at the timeout.
                    channel.onDrain(() -> outbox.finish(Action.ResponseBody.end()));
                    rooms.join(room, listener);
                    Runnable beat = () -> outbox.offer(piece(": ping\n\n"));
                    heartbeat.add(beat);
                    CompletableFuture<Object> gone =
                            CompletableFuture.anyOf(channel.receive().toCompletableFuture(), outbox.finished());
                    return gone.whenComplete((event, failure) -> heartbeat.remove(beat));
                })
                .handle((event, failure) -> {
                    rooms.leave(room, listener);
                    return null;
                });
    }

    private static Action piece(String text) {
        return new Action.ResponseBody(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true);
    }
}
