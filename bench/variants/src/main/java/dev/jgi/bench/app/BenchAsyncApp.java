package dev.jgi.bench.app;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.bench.Workload;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The workload as an async JGI application: no thread ever blocks; the slow endpoint waits on a
 * timer. {@code /ws} echoes WebSocket text messages.
 */
public final class BenchAsyncApp implements AsyncApplication {
    private static final ByteBuffer PLAINTEXT =
            ByteBuffer.wrap(Workload.plaintextBytes()).asReadOnlyBuffer();

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        if (request.kind() == Request.Kind.WEBSOCKET) {
            return channel.receive()
                    .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                    .thenCompose(accepted -> new WebSocketEcho(channel).run());
        }
        return switch (request.path()) {
            case "/plaintext" -> answer(channel, "text/plain", PLAINTEXT.duplicate());
            case "/json" ->
                answer(
                        channel,
                        "application/json",
                        ByteBuffer.wrap(Workload.json().getBytes(StandardCharsets.UTF_8)));
            case "/echo" ->
                BodyReader.of(request, channel)
                        .read()
                        .thenCompose(body -> answer(channel, "application/octet-stream", ByteBuffer.wrap(body)));
            case "/stream" -> stream(channel);
            case "/sleep" ->
                CompletableFuture.runAsync(
                                () -> {},
                                CompletableFuture.delayedExecutor(Workload.SLEEP.toMillis(), TimeUnit.MILLISECONDS))
                        .thenCompose(slept -> answer(
                                channel, "text/plain", ByteBuffer.wrap("slept".getBytes(StandardCharsets.US_ASCII))));
            default ->
                channel.send(new Action.ResponseStart(404, Headers.of("content-length", "0"), false))
                        .thenCompose(started -> channel.send(Action.ResponseBody.end()));
        };
    }

    private static CompletionStage<Void> answer(Channel channel, String type, ByteBuffer body) {
        var headers = Headers.of("content-type", type, "content-length", Integer.toString(body.remaining()));
        return channel.send(new Action.ResponseStart(200, headers, false))
                .thenCompose(started -> channel.send(new Action.ResponseBody(body, false)));
    }

    private static CompletionStage<Void> stream(Channel channel) {
        CompletionStage<Void> sent =
                channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false));
        for (int i = 0; i < Workload.STREAM_CHUNKS; i++) {
            sent = sent.thenCompose(
                    previous -> channel.send(new Action.ResponseBody(ByteBuffer.wrap(Workload.streamChunk()), true)));
        }
        return sent.thenCompose(chunks -> channel.send(Action.ResponseBody.end()));
    }

    /**
     * Collects the request body from {@link Event.RequestBody} events into one array sized by the
     * content-length when there is one, as Undertow's {@code receiveFullBytes} does for the raw
     * variants: each byte is copied once.
     */
    private static final class BodyReader {
        private final Channel channel;
        private byte[] bytes;
        private int filled;

        private BodyReader(Channel channel, int declared) {
            this.channel = channel;
            this.bytes = new byte[Math.max(declared, 0)];
        }

        static BodyReader of(Request request, Channel channel) {
            return new BodyReader(
                    channel,
                    request.header("content-length").map(Integer::parseInt).orElse(-1));
        }

        CompletionStage<byte[]> read() {
            return channel.receive().thenCompose(event -> {
                if (event instanceof Event.RequestBody piece) {
                    take(piece.data());
                    if (!piece.last()) {
                        return read();
                    }
                }
                return CompletableFuture.completedFuture(
                        filled == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, filled));
            });
        }

        private void take(ByteBuffer data) {
            int length = data.remaining();
            if (filled + length > bytes.length) {
                // No content-length (chunked): grow as ByteArrayOutputStream would.
                bytes = java.util.Arrays.copyOf(bytes, Math.max(filled + length, bytes.length * 2));
            }
            data.get(bytes, filled, length);
            filled += length;
        }
    }

    /** Sends every text message back until the client closes. */
    private record WebSocketEcho(Channel channel) {
        CompletionStage<Void> run() {
            return channel.receive().thenCompose(event -> switch (event) {
                case Event.WebSocketText text ->
                    channel.send(new Action.WebSocketSendText(text.text())).thenCompose(sent -> run());
                case Event.WebSocketBinary binary ->
                    channel.send(new Action.WebSocketSendBinary(binary.data())).thenCompose(sent -> run());
                default -> CompletableFuture.completedFuture(null);
            });
        }
    }
}
