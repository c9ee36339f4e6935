package dev.jgi.bench.raw;

import dev.jgi.bench.Workload;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/** Every answer is produced and written on the connection's IO thread; nothing ever blocks. */
final class IoThreadHandler implements HttpHandler {
    private static final ByteBuffer PLAINTEXT =
            ByteBuffer.allocateDirect(13).put(Workload.plaintextBytes()).flip();
    private static final ByteBuffer CHUNK = ByteBuffer.allocateDirect(Workload.STREAM_CHUNK_SIZE)
            .put(Workload.streamChunk())
            .flip();

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        switch (exchange.getRequestPath()) {
            case "/plaintext" -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                exchange.getResponseSender().send(PLAINTEXT.duplicate());
            }
            case "/json" -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(Workload.json());
            }
            case "/echo" ->
                exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/octet-stream");
                    ex.getResponseSender().send(ByteBuffer.wrap(body));
                });
            case "/stream" -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                new ChunkChain(Workload.STREAM_CHUNKS).onComplete(exchange, exchange.getResponseSender());
            }
            case "/sleep" ->
                exchange.dispatch(
                        SameThreadExecutor.INSTANCE,
                        () -> exchange.getIoThread()
                                .executeAfter(
                                        () -> {
                                            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                                            exchange.getResponseSender().send("slept");
                                        },
                                        Workload.SLEEP.toMillis(),
                                        TimeUnit.MILLISECONDS));
            default -> exchange.setStatusCode(404).endExchange();
        }
    }

    /** Sends the next chunk once the previous one is written, so the IO thread never waits. */
    private static final class ChunkChain implements IoCallback {
        private int remaining;

        ChunkChain(int chunks) {
            remaining = chunks;
        }

        @Override
        public void onComplete(HttpServerExchange exchange, Sender sender) {
            if (remaining-- == 0) {
                sender.close(IoCallback.END_EXCHANGE);
            } else {
                sender.send(CHUNK.duplicate(), this);
            }
        }

        @Override
        public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
            IoCallback.END_EXCHANGE.onException(exchange, sender, exception);
        }
    }
}
