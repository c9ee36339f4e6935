package dev.jgi.server.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges of one HTTP/2 connection by stream, told when the client resets their stream.
 * Undertow lets a reset stream whose response waits for flow-control window hang: it neither closes
 * the response channel nor wakes its writer, so neither a waiting send nor the exchange's completion
 * would ever come [JGI-DISC-1] [JGI-DONE-1]. The {@link StreamGuard} sees every RST_STREAM frame and
 * hands its stream here.
 */
final class StreamResets {

    private final Map<Integer, Runnable> watched = new ConcurrentHashMap<>();

    /** Runs {@code reset} once if the client resets {@code stream} before {@link #forget} is called. */
    void watch(int stream, Runnable reset) {
        watched.put(stream, reset);
    }

    /** The exchange of {@code stream} ended: a later reset concerns nobody. */
    void forget(int stream) {
        watched.remove(stream);
    }

    /** The client reset {@code stream}. */
    void reset(int stream) {
        Runnable reset = watched.remove(stream);
        if (reset != null) {
            reset.run();
        }
    }
}
