package dev.jgi.bench.load;

import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One connection of {@link WebSocketLoad}: send, wait for the echo, check it, repeat until the deadline. */
final class EchoLoop implements WebSocket.Listener {
    private final String message;
    private final long deadline;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final StringBuilder received = new StringBuilder();
    private long[] roundTrips = new long[1024];
    private int count;
    private long errors;
    private boolean mismatched;
    private long sentAt;

    EchoLoop(String message, long deadline) {
        this.message = message;
        this.deadline = deadline;
    }

    CompletableFuture<Void> start(WebSocket socket) {
        send(socket);
        return finished;
    }

    private void send(WebSocket socket) {
        sentAt = System.nanoTime();
        socket.sendText(message, true).exceptionally(failure -> {
            errors++;
            finished.complete(null);
            return socket;
        });
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        received.append(data);
        if (last) {
            long now = System.nanoTime();
            if (!received.toString().equals(message)) {
                mismatched = true;
            }
            received.setLength(0);
            if (count == roundTrips.length) {
                roundTrips = Arrays.copyOf(roundTrips, count * 2);
            }
            roundTrips[count++] = now - sentAt;
            if (now < deadline && !mismatched) {
                send(socket);
            } else {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((s, f) -> finished.complete(null));
            }
        }
        socket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        errors++;
        finished.complete(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
        finished.complete(null);
        return null;
    }

    long count() {
        return count;
    }

    long errors() {
        return errors;
    }

    boolean mismatched() {
        return mismatched;
    }

    long[] roundTrips() {
        return Arrays.copyOf(roundTrips, count);
    }
}
