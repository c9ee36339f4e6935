package dev.jgi.harness;

import dev.jgi.kernel.hooks.Drain;
import dev.jgi.kernel.hooks.Signal;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simulated client of one exchange: whether and when it goes away, and the signals the
 * application hears of it: the client left [JGI-DISC-6], the server drains [JGI-LIFE-9].
 */
final class ClientState {

    private static final System.Logger LOG = System.getLogger(ClientState.class.getName());

    private final OptionalLong leavesAfterPieces;
    private final OptionalLong leavesAfterResponseBytes;
    private final AtomicBoolean gone = new AtomicBoolean();
    private final CompletableFuture<Void> left = new CompletableFuture<>();
    private final boolean expectsContinue;
    private final AtomicBoolean continued = new AtomicBoolean();
    private final Signal disconnect = new Signal(
            "[JGI-DISC-6] a disconnect callback",
            (message, failure) -> LOG.log(System.Logger.Level.WARNING, message, failure));
    private final Signal drain = new Signal(
            "[JGI-LIFE-9] a drain callback",
            (message, failure) -> LOG.log(System.Logger.Level.WARNING, message, failure));
    private final Drain drains;

    ClientState(TestRequest request, Drain drains) {
        this.drains = drains;
        drains.join(drain);
        this.leavesAfterPieces = request.clientLeavesAfterPieces();
        this.leavesAfterResponseBytes = request.clientLeavesAfterResponseBytes();
        this.expectsContinue =
                request.headers().all("expect").stream().anyMatch(value -> value.equalsIgnoreCase("100-continue"));
        if (leavesAfterPieces.isPresent() && leavesAfterPieces.getAsLong() == 0) {
            leave();
        }
    }

    /** Completes when the client goes away. */
    CompletableFuture<Void> left() {
        return left;
    }

    boolean gone() {
        return gone.get();
    }

    void leave() {
        if (gone.compareAndSet(false, true)) {
            left.complete(null);
            disconnect.fire();
        }
    }

    /** Registers a disconnect callback: it runs when the client leaves before the exchange ended. */
    void onDisconnect(Runnable callback) {
        disconnect.add(callback);
    }

    /** Registers a drain callback: it runs when the test drains the server while this exchange runs. */
    void onDrain(Runnable callback) {
        drain.add(callback);
    }

    /** The exchange ended: a client leaving now runs no callback [JGI-DISC-7], nor does a drain. */
    void ended() {
        disconnect.cancel();
        drains.leave(drain);
    }

    /** Whether the server sent {@code 100 Continue}: on the first body read, if asked for [JGI-BODY-4]. */
    boolean continued() {
        return continued.get();
    }

    /** Whether the client is still there to send piece number {@code index} (from 0). */
    boolean sendsPiece(long index) {
        if (expectsContinue && !gone()) {
            continued.set(true);
        }
        if (leavesAfterPieces.isPresent() && index >= leavesAfterPieces.getAsLong()) {
            leave();
        }
        return !gone();
    }

    /** How many more response body bytes the client takes, given it already took {@code received}. */
    long accepts(long received) {
        if (gone()) {
            return 0;
        }
        return leavesAfterResponseBytes.isPresent()
                ? Math.max(0, leavesAfterResponseBytes.getAsLong() - received)
                : Long.MAX_VALUE;
    }
}
