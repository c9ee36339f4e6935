package dev.jgi.samples.chat;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends actions to one client in order with at most one send pending [JGI-STREAM-3]: the next send
 * starts when the transport accepted the previous one, so a slow client holds up nobody else. A
 * client that falls {@value #MAX_BACKLOG} actions behind gets the farewell action and nothing more,
 * instead of growing memory. {@link #finish} ends the conversation the same way, but only after
 * what is already queued.
 */
final class Outbox {

    static final int MAX_BACKLOG = 500;

    private final Channel channel;
    private final Action farewell;
    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    /** @param farewell the last action for a client that cannot keep up (a close, or the end of a stream) */
    Outbox(Channel channel, Action farewell) {
        this.channel = channel;
        this.farewell = farewell;
    }

    void offer(Action action) {
        if (closed.get()) {
            return;
        }
        if (backlog.incrementAndGet() > MAX_BACKLOG) {
            if (closed.compareAndSet(false, true)) {
                queue.clear();
                queue.add(new Queued(farewell, true));
                drain();
            }
            return;
        }
        queue.add(new Queued(action, false));
        drain();
    }

    /**
     * Sends {@code last} after the actions already queued, and nothing after it: the server's
     * shutdown ends the stream or closes the socket cleanly instead of cutting it [JGI-LIFE-10].
     */
    void finish(Action last) {
        if (closed.compareAndSet(false, true)) {
            queue.add(new Queued(last, true));
            drain();
        }
    }

    /** Completes when the last action was sent or a send failed (the client is gone): nothing more will be sent. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    private void drain() {
        while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
            Queued next = queue.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            backlog.decrementAndGet();
            channel.send(next.action()).whenComplete((sent, failure) -> {
                if (failure == null && !next.last()) {
                    sending.set(false);
                    drain();
                } else {
                    // "sending" stays set: nothing may follow the end of the conversation.
                    closed.set(true);
                    finished.complete(null);
                }
            });
            return;
        }
    }

    /** An action waiting to be sent; after the {@code last} one the queue stops. */
    private record Queued(Action action, boolean last) {}
}
