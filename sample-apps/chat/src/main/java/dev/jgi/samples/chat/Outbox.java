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
 * instead of growing memory.
 */
final class Outbox {

    static final int MAX_BACKLOG = 500;

    private final Channel channel;
    private final Action farewell;
    private final ConcurrentLinkedQueue<Action> queue = new ConcurrentLinkedQueue<>();
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
                queue.add(farewell);
                drain();
            }
            return;
        }
        queue.add(action);
        drain();
    }

    /** Completes when a send failed (the client is gone) and nothing more will be sent. */
    CompletableFuture<Void> finished() {
        return finished;
    }

    private void drain() {
        while (!queue.isEmpty() && sending.compareAndSet(false, true)) {
            Action next = queue.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            backlog.decrementAndGet();
            channel.send(next).whenComplete((sent, failure) -> {
                sending.set(false);
                if (failure == null) {
                    drain();
                } else {
                    closed.set(true);
                    finished.complete(null);
                }
            });
            return;
        }
    }
}
