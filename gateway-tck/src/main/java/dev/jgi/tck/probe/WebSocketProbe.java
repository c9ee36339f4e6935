package dev.jgi.tck.probe;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The async probe's WebSocket side. {@code /_tck/ws-deny} refuses with 403; any other path accepts,
 * greets with what the application saw ({@code hello kind=... first=...}), then echoes each text
 * message as {@code echo:TEXT} and each binary one as {@code binary:LENGTH}, and records the close
 * events under the path's key ({@code /_tck/ws/KEY}), including one more receive after the close.
 * The text {@code flood:COUNT:SIZE} makes it send COUNT binary messages of SIZE zero bytes, each once
 * the previous send completed, recording {@code sent} under the key as each send completes.
 */
final class WebSocketProbe {

    private WebSocketProbe() {}

    static CompletionStage<Void> handle(Request request, Channel channel, ProbeState state) {
        Route route = Route.of(request.path());
        String key = route.argument();
        return channel.receive().thenCompose(first -> {
            String firstName = first.getClass().getSimpleName();
            if (route.name().equals("ws-deny")) {
                return channel.send(new Action.WebSocketDeny(
                        403,
                        Headers.of("x-denied", "yes"),
                        ByteBuffer.wrap("denied".getBytes(StandardCharsets.US_ASCII))));
            }
            return channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of()))
                    .thenCompose(x -> channel.send(
                            new Action.WebSocketSendText("hello kind=" + request.kind() + " first=" + firstName)))
                    .thenCompose(x -> echo(channel, state, key));
        });
    }

    private static CompletionStage<Void> echo(Channel channel, ProbeState state, String key) {
        return channel.receive().thenCompose(event -> switch (event) {
            case Event.WebSocketText text
            when text.text().startsWith("flood:") -> {
                String[] counts = text.text().split(":", -1);
                ByteBuffer message =
                        ByteBuffer.allocate(Integer.parseInt(counts[2])).asReadOnlyBuffer();
                yield flood(channel, state, key, message, Integer.parseInt(counts[1]))
                        .thenCompose(x -> echo(channel, state, key));
            }
            case Event.WebSocketText text ->
                channel.send(new Action.WebSocketSendText("echo:" + text.text()))
                        .thenCompose(x -> echo(channel, state, key));
            case Event.WebSocketBinary binary ->
                channel.send(new Action.WebSocketSendText(
                                "binary:" + binary.data().remaining()))
                        .thenCompose(x -> echo(channel, state, key));
            case Event.WebSocketClose close -> {
                state.record(key, "close code=" + close.code() + " reason=" + close.reason());
                yield channel.receive()
                        .thenAccept(again -> state.record(
                                key,
                                again instanceof Event.WebSocketClose c
                                        ? "close code=" + c.code() + " reason=" + c.reason()
                                        : "then " + again.getClass().getSimpleName()));
            }
            default -> {
                state.record(key, "unexpected " + event.getClass().getSimpleName());
                yield CompletableFuture.completedFuture(null);
            }
        });
    }

    private static CompletionStage<Void> flood(
            Channel channel, ProbeState state, String key, ByteBuffer message, int left) {
        if (left == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return channel.send(new Action.WebSocketSendBinary(message.duplicate())).thenCompose(x -> {
            state.record(key, "sent");
            return flood(channel, state, key, message, left - 1);
        });
    }
}
