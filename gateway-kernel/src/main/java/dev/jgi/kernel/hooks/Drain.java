package dev.jgi.kernel.hooks;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drain signal of one server: the {@link Signal}s of the exchanges in flight, fired together
 * when a graceful shutdown begins [JGI-LIFE-9]. An exchange {@link #join}s when it starts and
 * {@link #leave}s when it ends, which cancels its signal so that a callback of an ended exchange
 * never runs. One that joins after {@link #begin} is signalled at once. Thread-safe.
 */
public final class Drain {

    private final Set<Signal> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean begun;

    /** Adds an exchange's signal; fires it at once when the drain already began. */
    public void join(Signal signal) {
        inFlight.add(Objects.requireNonNull(signal, "signal"));
        if (begun) {
            signal.fire();
        }
    }

    /** The exchange ended: its signal is cancelled (if it did not fire) and forgotten. */
    public void leave(Signal signal) {
        signal.cancel();
        inFlight.remove(signal);
    }

    /** The graceful shutdown begins: fires every joined signal, once. */
    public void begin() {
        begun = true;
        inFlight.forEach(Signal::fire);
    }

    /** Whether {@link #begin} was called. */
    public boolean hasBegun() {
        return begun;
    }
}
