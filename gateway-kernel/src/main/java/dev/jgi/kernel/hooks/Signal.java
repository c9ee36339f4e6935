package dev.jgi.kernel.hooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The callbacks one exchange registered for one signal: the client left
 * ({@code Exchange.onDisconnect}, [JGI-DISC-6]) or the server began to drain
 * ({@code Exchange.onDrain}, [JGI-LIFE-9]).
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>{@link #fire} runs every callback exactly once, in the order of registration, on the
 *       calling thread; later calls do nothing.</li>
 *   <li>A callback added after {@link #fire} runs at once, on the adding thread: an application
 *       that registers late still hears the signal.</li>
 *   <li>{@link #cancel} (the exchange ended first) drops the callbacks: neither they nor any added
 *       later ever run [JGI-DISC-7].</li>
 *   <li>A callback that throws does not keep the others from running; its failure goes to the
 *       {@link CompletionHooks.FailureLog} given at construction.</li>
 * </ul>
 * Thread-safe; callbacks run outside the lock.
 */
public final class Signal {

    private enum State {
        WAITING,
        FIRED,
        CANCELLED
    }

    private final String what;
    private final CompletionHooks.FailureLog log;
    private final List<Runnable> waiting = new ArrayList<>(1);
    private State state = State.WAITING;

    /**
     * @param what names the signal and its clause in the log line of a failed callback, for example
     *     {@code [JGI-DISC-6] a disconnect callback}
     * @param log where failed callbacks are reported
     */
    public Signal(String what, CompletionHooks.FailureLog log) {
        this.what = Objects.requireNonNull(what, "what");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Registers {@code callback}: it runs at {@link #fire}, at once if that happened, never after {@link #cancel}. */
    public void add(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (this) {
            if (state == State.WAITING) {
                waiting.add(callback);
                return;
            }
            if (state == State.CANCELLED) {
                return;
            }
        }
        run(callback);
    }

    /** Signals: runs every waiting callback once. Does nothing after {@link #fire} or {@link #cancel}. */
    public void fire() {
        List<Runnable> toRun;
        synchronized (this) {
            if (state != State.WAITING) {
                return;
            }
            state = State.FIRED;
            toRun = List.copyOf(waiting);
            waiting.clear();
        }
        toRun.forEach(this::run);
    }

    /** The exchange ended before the signal: no callback of it ever runs. Does nothing after {@link #fire}. */
    public synchronized void cancel() {
        if (state == State.WAITING) {
            state = State.CANCELLED;
            waiting.clear();
        }
    }

    /** Whether {@link #fire} was called. */
    public synchronized boolean hasFired() {
        return state == State.FIRED;
    }

    private void run(Runnable callback) {
        try {
            callback.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (RuntimeException | Error failure) {
            log.hookFailed(what + " failed", failure);
        }
    }
}
