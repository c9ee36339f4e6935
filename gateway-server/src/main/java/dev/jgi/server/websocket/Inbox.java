package dev.jgi.server.websocket;

import dev.jgi.api.Event;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Events of one WebSocket exchange on their way to the application. Holds at most
 * {@link #READ_AHEAD} whole messages the application has not asked for yet; beyond that it stops
 * the socket reads until a {@code receive} takes one [JGI-STREAM-5]. The close event is terminal:
 * it comes after every queued message and answers every later receive [JGI-WS-7].
 */
final class Inbox {

    /** Messages read ahead of the application's receives before reading stops. */
    static final int READ_AHEAD = 1;

    /** Stops and restarts socket reads; both are called with the inbox locked, in order. */
    interface Reads {
        void pause();

        void resume();
    }

    private final Deque<Event> queued = new ArrayDeque<>();
    private CompletableFuture<Event> waiting;
    private Event.WebSocketClose close;
    private Reads reads;
    private boolean paused;

    Inbox() {
        queued.add(new Event.WebSocketConnect());
    }

    /** Connects the inbox to the socket once the handshake is done. */
    synchronized void attach(Reads socketReads) {
        reads = socketReads;
    }

    CompletionStage<Event> receive() {
        Event next;
        synchronized (this) {
            if (waiting != null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "[JGI-STREAM-4] receive called while the previous receive is pending"));
            }
            next = queued.poll();
            if (next == null) {
                next = close;
            }
            if (next == null) {
                waiting = new CompletableFuture<>();
                resumeIfPaused();
                return waiting;
            }
            if (queued.size() < READ_AHEAD) {
                resumeIfPaused();
            }
        }
        return CompletableFuture.completedFuture(next);
    }

    /** Hands a message to the application, or queues it and pauses reads when the queue is full. */
    void deliver(Event message) {
        CompletableFuture<Event> receiver;
        synchronized (this) {
            if (close != null) {
                return;
            }
            receiver = waiting;
            waiting = null;
            if (receiver == null) {
                queued.add(message);
                if (queued.size() >= READ_AHEAD && reads != null && !paused) {
                    paused = true;
                    reads.pause();
                }
            }
        }
        if (receiver != null) {
            receiver.complete(message);
        }
    }

    /**
     * Ends the event stream with this close, unless it already ended [JGI-WS-7].
     *
     * @return whether this call ended it
     */
    boolean close(Event.WebSocketClose event) {
        CompletableFuture<Event> receiver;
        synchronized (this) {
            if (close != null) {
                return false;
            }
            close = event;
            receiver = queued.isEmpty() ? waiting : null;
            if (receiver != null) {
                waiting = null;
            }
        }
        if (receiver != null) {
            receiver.complete(event);
        }
        return true;
    }

    synchronized boolean isClosed() {
        return close != null;
    }

    private void resumeIfPaused() {
        if (paused) {
            paused = false;
            reads.resume();
        }
    }
}
