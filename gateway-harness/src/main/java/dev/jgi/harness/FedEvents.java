package dev.jgi.harness;

import dev.jgi.api.Event;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Events the test hands over one by one, for {@link Communicator}: each receive takes the next.
 * Once the test sent {@link Event.Disconnect} or {@link Event.WebSocketClose}, every later receive
 * yields it again, as a server's would [JGI-DISC-3] [JGI-WS-7].
 */
final class FedEvents implements Supplier<CompletionStage<Event>> {

    private final Deque<Event> ready = new ArrayDeque<>();
    private final Deque<CompletableFuture<Event>> waiting = new ArrayDeque<>();
    private Event terminal;

    void feed(Event event) {
        List<CompletableFuture<Event>> receivers;
        synchronized (this) {
            if (terminal != null) {
                return;
            }
            if (event instanceof Event.Disconnect || event instanceof Event.WebSocketClose) {
                terminal = event;
            }
            if (waiting.isEmpty()) {
                ready.add(event);
                return;
            }
            if (terminal != null) {
                receivers = List.copyOf(waiting);
                waiting.clear();
            } else {
                receivers = List.of(waiting.poll());
            }
        }
        receivers.forEach(receiver -> receiver.complete(event));
    }

    @Override
    public synchronized CompletionStage<Event> get() {
        Event next = ready.poll();
        if (next == null) {
            next = terminal;
        }
        if (next != null) {
            return CompletableFuture.completedFuture(next);
        }
        CompletableFuture<Event> receiver = new CompletableFuture<>();
        waiting.add(receiver);
        return receiver;
    }
}
