package dev.jgi.kernel.hooks;

import dev.jgi.api.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The completion hooks of one exchange, registered through {@code Exchange.onComplete} or
 * {@code Channel.onComplete}, and run by the server when the exchange is over.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>[JGI-DONE-1] {@link #run} runs every hook exactly once; the first call wins and later
 *       calls do nothing.</li>
 *   <li>[JGI-DONE-2] Hooks run in the reverse order of their registration, on the thread that
 *       calls {@link #run}.</li>
 *   <li>[JGI-DONE-4] A hook that throws does not keep the others from running; its failure goes
 *       to the {@link FailureLog} given at construction, with a message naming the clause.</li>
 *   <li><b>Late registration</b> [JGI-APP-8]: {@link #add} after {@link #run} began throws
 *       {@link IllegalStateException} naming JGI-APP-8, on every kind of exchange (sync, async
 *       HTTP, WebSocket). The hook is not run. Running it at once instead would run it after hooks
 *       registered before it, against JGI-DONE-2, and on the caller's thread while the others may
 *       still be running; refusing it tells the application at once that it used its exchange after
 *       the end. JGI-APP-8 says so for a sync application's {@code Exchange};
 *       {@code Channel.onComplete} is documented "as {@code Exchange.onComplete}", and the
 *       specification has no clause of its own for it.</li>
 * </ul>
 * What a {@link Completion} carries [JGI-DONE-3] is the server's to build: it alone knows the status
 * and the bytes it sent. Thread-safe: hooks may be added from any thread while the exchange runs.
 */
public final class CompletionHooks {

    /** Where a failed hook is reported. A server logs it [JGI-DONE-4]. */
    @FunctionalInterface
    public interface FailureLog {

        /**
         * Reports a hook that threw.
         *
         * @param message names the clause, for example {@code [JGI-DONE-4] a completion hook failed}
         * @param failure what the hook threw
         */
        void hookFailed(String message, Throwable failure);
    }

    private final FailureLog log;
    private final List<Consumer<Completion>> hooks = new ArrayList<>(2);
    private boolean ran;

    /** @param log where failed hooks are reported */
    public CompletionHooks(FailureLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Registers a hook.
     *
     * @throws IllegalStateException naming JGI-APP-8 when the hooks have run already
     */
    public synchronized void add(Consumer<Completion> hook) {
        Objects.requireNonNull(hook, "hook");
        if (ran) {
            throw new IllegalStateException(
                    "[JGI-APP-8] the exchange is over: a completion hook registered now would never run");
        }
        hooks.add(hook);
    }

    /** Whether no hook was registered: a server may then skip the hand-off that would run them. */
    public synchronized boolean isEmpty() {
        return hooks.isEmpty();
    }

    /** Whether {@link #run} was called: the exchange is over. */
    public synchronized boolean hasRun() {
        return ran;
    }

    /**
     * Runs every hook once, newest first [JGI-DONE-1] [JGI-DONE-2], each isolated from the others'
     * failures [JGI-DONE-4]; a second call does nothing. A {@link VirtualMachineError} is not
     * caught: the process is in no state to go on.
     */
    public void run(Completion completion) {
        Objects.requireNonNull(completion, "completion");
        List<Consumer<Completion>> toRun;
        synchronized (this) {
            if (ran) {
                return;
            }
            ran = true;
            toRun = List.copyOf(hooks).reversed();
            hooks.clear();
        }
        for (Consumer<Completion> hook : toRun) {
            try {
                hook.accept(completion);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (RuntimeException | Error failure) {
                log.hookFailed("[JGI-DONE-4] a completion hook failed", failure);
            }
        }
    }
}
