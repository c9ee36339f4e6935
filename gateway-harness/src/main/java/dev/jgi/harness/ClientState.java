package dev.jgi.harness;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** The simulated client of one exchange: whether and when it goes away. */
final class ClientState {

    private final OptionalLong leavesAfterPieces;
    private final OptionalLong leavesAfterResponseBytes;
    private final AtomicBoolean gone = new AtomicBoolean();
    private final CompletableFuture<Void> left = new CompletableFuture<>();
    private final boolean expectsContinue;
    private final AtomicBoolean continued = new AtomicBoolean();

    ClientState(TestRequest request) {
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
        }
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
