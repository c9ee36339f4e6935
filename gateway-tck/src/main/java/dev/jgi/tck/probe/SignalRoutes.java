package dev.jgi.tck.probe;

import dev.jgi.api.Action;
import dev.jgi.api.Body;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The probe's routes of the disconnect signal, for both interfaces. {@code disconnect-signal}
 * streams {@link #STARTED} and then waits without reading or writing until its disconnect callback
 * runs, which records {@code disconnected at MILLIS} (wall-clock, so that the TCK on the same host
 * can measure the bound of JGI-DISC-6). {@code disconnect-after-whole} records {@code registered}
 * and answers whole; its callback would record {@code disconnected} [JGI-DISC-7].
 */
final class SignalRoutes {

    /** The first event of the stream: once the client saw it, the callback is registered. */
    static final String STARTED = "data: started\n\n";

    /** How long a stream waits for its signal before it gives up. */
    private static final long PATIENCE_SECONDS = 10;

    private static final Headers EVENT_STREAM = Headers.of("content-type", "text/event-stream");

    private SignalRoutes() {}

    static Response awaitDisconnect(String key, Exchange exchange, ProbeState state) {
        CompletableFuture<Void> left = registered(key, state, exchange::onDisconnect);
        return Response.of(200, EVENT_STREAM, Body.writer(out -> {
            out.write(STARTED.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // No read, no write: only the callback can tell this stream that its client left.
            left.completeOnTimeout(null, PATIENCE_SECONDS, TimeUnit.SECONDS).join();
        }));
    }

    static CompletionStage<Void> awaitDisconnect(String key, Channel channel, ProbeState state) {
        CompletableFuture<Void> left = registered(key, state, channel::onDisconnect);
        return channel.send(new Action.ResponseStart(200, EVENT_STREAM, false))
                .thenCompose(x -> channel.send(new Action.ResponseBody(ascii(STARTED), true)))
                .thenCompose(x -> left.completeOnTimeout(null, PATIENCE_SECONDS, TimeUnit.SECONDS))
                // The body's end, then the Disconnect that lets the stage complete [JGI-ASYNC-8].
                .thenCompose(x -> untilDisconnect(channel));
    }

    static Response wholeThenLeave(String key, Exchange exchange, ProbeState state) {
        exchange.onDisconnect(() -> state.record(key, "disconnected"));
        state.record(key, "registered");
        return Response.text(200, "whole");
    }

    static CompletionStage<Void> wholeThenLeave(String key, Channel channel, ProbeState state) {
        channel.onDisconnect(() -> state.record(key, "disconnected"));
        state.record(key, "registered");
        ByteBuffer whole = ascii("whole");
        return channel.send(new Action.ResponseStart(
                        200, Headers.of("content-type", "text/plain", "content-length", "5"), false))
                .thenCompose(x -> channel.send(new Action.ResponseBody(whole, false)));
    }

    private static CompletableFuture<Void> registered(
            String key, ProbeState state, java.util.function.Consumer<Runnable> register) {
        CompletableFuture<Void> left = new CompletableFuture<>();
        register.accept(() -> {
            state.record(key, "disconnected at " + System.currentTimeMillis());
            left.complete(null);
        });
        return left;
    }

    private static CompletionStage<Void> untilDisconnect(Channel channel) {
        return channel.receive()
                .thenCompose(event -> event instanceof Event.Disconnect
                        ? CompletableFuture.completedFuture(null)
                        : untilDisconnect(channel));
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
