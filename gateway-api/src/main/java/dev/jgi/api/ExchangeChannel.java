package dev.jgi.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The async view of a sync exchange: body reads run on virtual threads, actions are queued. */
final class ExchangeChannel implements Channel {

    private static final int CHUNK = 16 * 1024;

    private final Exchange exchange;
    private final ActionQueue actions;
    private final CompletableFuture<Event> finished = new CompletableFuture<>();
    private volatile boolean bodyEnded;

    ExchangeChannel(Exchange exchange, ActionQueue actions) {
        this.exchange = exchange;
        this.actions = actions;
        exchange.onComplete(completion -> finished.complete(new Event.Disconnect()));
    }

    @Override
    public CompletionStage<Event> receive() {
        if (bodyEnded) {
            return finished;
        }
        CompletableFuture<Event> next = new CompletableFuture<>();
        Thread.ofVirtual().name("jgi-async-on-sync-read").start(() -> {
            try {
                next.complete(readPiece());
            } catch (ClientDisconnectedException gone) {
                bodyEnded = true;
                next.complete(new Event.Disconnect());
            } catch (IOException | RuntimeException failure) {
                next.completeExceptionally(failure);
            }
        });
        return next;
    }

    /** One read: blocks until some bytes or the end, so each event carries what was there. */
    private Event readPiece() throws IOException {
        byte[] buffer = new byte[CHUNK];
        int n = exchange.body().read(buffer, 0, CHUNK);
        if (n < 0) {
            bodyEnded = true;
            return new Event.RequestBody(ByteBuffer.allocate(0), true);
        }
        return new Event.RequestBody(ByteBuffer.wrap(Arrays.copyOf(buffer, n)), false);
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        if (isWebSocketAction(action)) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("[JGI-ASYNC-5] " + AsyncOnSync.kindOf(action) + " on an HTTP exchange"));
        }
        return actions.put(action);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        exchange.onComplete(hook);
    }

    @Override
    public void limitBody(long maxBytes) {

        exchange.limitBody(maxBytes);
    }

    @Override
    public Headers requestTrailers() {
        return exchange.requestTrailers();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        exchange.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        exchange.onDrain(callback);
    }

    private static boolean isWebSocketAction(Action action) {
        return action instanceof Action.WebSocketAccept
                || action instanceof Action.WebSocketDeny
                || action instanceof Action.WebSocketSendText
                || action instanceof Action.WebSocketSendBinary
                || action instanceof Action.WebSocketClose;
    }
}
