package dev.jgi.bench.raw;

import dev.jgi.bench.Workload;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A new virtual thread per request does the work (and may block); every write is handed back to
 * the connection's IO thread, because driving Undertow's sender from a fresh virtual thread is what
 * made naive virtual-thread dispatch several times slower ({@code vthread-direct};
 * docs/architecture.md). Request bodies are read on the IO
 * thread before the dispatch.
 */
final class VirtualThreadHandler implements HttpHandler {
    private static final ExecutorService VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        switch (exchange.getRequestPath()) {
            case "/plaintext" ->
                exchange.dispatch(VIRTUAL, () -> answer(exchange, "text/plain", Workload.plaintextBytes()));
            case "/json" ->
                exchange.dispatch(
                        VIRTUAL,
                        () -> answer(
                                exchange, "application/json", Workload.json().getBytes(StandardCharsets.UTF_8)));
            case "/echo" ->
                exchange.getRequestReceiver()
                        .receiveFullBytes(
                                (ex, body) -> ex.dispatch(VIRTUAL, () -> answer(ex, "application/octet-stream", body)));
            case "/stream" -> exchange.dispatch(VIRTUAL, () -> stream(exchange));
            case "/sleep" ->
                exchange.dispatch(VIRTUAL, () -> {
                    try {
                        Thread.sleep(Workload.SLEEP);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, "text/plain", "slept".getBytes(StandardCharsets.US_ASCII));
                });
            default -> exchange.setStatusCode(404).endExchange();
        }
    }

    private static void answer(HttpServerExchange exchange, String type, byte[] body) {
        exchange.getIoThread().execute(() -> {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        });
    }

    /** Each chunk is produced on the virtual thread, which waits until the IO thread has written it. */
    private static void stream(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
        for (int i = 0; i < Workload.STREAM_CHUNKS; i++) {
            ByteBuffer chunk = ByteBuffer.wrap(Workload.streamChunk());
            var written = new CompletableFuture<Void>();
            exchange.getIoThread().execute(() -> exchange.getResponseSender().send(chunk, completing(written)));
            if (!written.handle((ok, failure) -> failure == null).join()) {
                return;
            }
        }
        exchange.getIoThread().execute(exchange::endExchange);
    }

    private static IoCallback completing(CompletableFuture<Void> written) {
        return new IoCallback() {
            @Override
            public void onComplete(HttpServerExchange exchange, Sender sender) {
                written.complete(null);
            }

            @Override
            public void onException(HttpServerExchange exchange, Sender sender, IOException exception) {
                IoCallback.END_EXCHANGE.onException(exchange, sender, exception);
                written.completeExceptionally(exception);
            }
        };
    }
}
