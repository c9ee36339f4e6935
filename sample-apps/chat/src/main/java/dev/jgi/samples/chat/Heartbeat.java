package dev.jgi.samples.chat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs every open event stream's beat at a fixed interval, from one daemon thread. The beats only
 * queue a comment, so the thread never waits on a client.
 */
final class Heartbeat implements AutoCloseable {

    private final Set<Runnable> beats = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-heartbeat").daemon(true).factory());

    Heartbeat(Duration interval) {
        // Nothing waits on the schedule; the timer is a daemon thread that ends with the server.
        var unused = timer.scheduleAtFixedRate(
                () -> beats.forEach(Runnable::run), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void add(Runnable beat) {
        beats.add(beat);
    }

    void remove(Runnable beat) {
        beats.remove(beat);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
