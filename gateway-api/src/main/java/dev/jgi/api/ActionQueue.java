package dev.jgi.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Actions an async application sent, waiting for the sync thread that writes them. Each action's
 * send stage completes when the writer has dealt with it, never earlier.
 */
final class ActionQueue {

    /** One action and the stage its sender waits on. */
    record Pending(Action action, CompletableFuture<Void> done) {
        void complete() {
            done.complete(null);
        }

        void refuse(String clauseAndReason) {
            done.completeExceptionally(new IllegalStateException(clauseAndReason));
        }

        void fail(Throwable failure) {
            done.completeExceptionally(failure);
        }
    }

    /** Put in the queue when the application's stage completed; carries its failure, if any. */
    private record End(Throwable failure) {}

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

    CompletableFuture<Void> put(Action action) {
        Pending pending = new Pending(action, new CompletableFuture<>());
        queue.add(pending);
        return pending.done();
    }

    void close(Throwable failure) {
        queue.add(new End(failure));
    }

    /**
     * The next action.
     *
     * @param endedMessage the failure message when the application ended without sending one
     * @throws IOException the application's own failure, or an end without the action awaited
     */
    Pending take(String endedMessage) throws IOException {
        Object next;
        try {
            next = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the application");
        }
        if (next instanceof Pending pending) {
            return pending;
        }
        queue.add(next);
        Throwable failure = ((End) next).failure();
        if (failure == null) {
            throw new IOException(endedMessage);
        }
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        throw new IOException("the application failed: " + cause, cause);
    }
}
