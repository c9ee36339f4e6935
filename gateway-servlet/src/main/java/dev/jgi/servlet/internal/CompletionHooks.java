package dev.jgi.servlet.internal;

import dev.jgi.api.Completion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The completion hooks of one exchange, run once, newest first. */
final class CompletionHooks {

    private static final System.Logger LOG = System.getLogger("dev.jgi.servlet");

    private final long startNanos = System.nanoTime();
    private final List<Consumer<Completion>> hooks = new ArrayList<>(2);
    private boolean ran;

    synchronized void add(Consumer<Completion> hook) {
        if (ran) {
            throw new IllegalStateException("[JGI-APP-8] the exchange has completed; the hook would never run");
        }
        hooks.add(hook);
    }

    /** Runs every hook once [JGI-DONE-1], in reverse order [JGI-DONE-2]; later calls do nothing. */
    void run(int status, long bytesSent, Optional<Throwable> error) {
        List<Consumer<Completion>> toRun;
        synchronized (this) {
            if (ran) {
                return;
            }
            ran = true;
            toRun = List.copyOf(hooks);
        }
        Completion completion =
                new Completion(status, bytesSent, error, Duration.ofNanos(System.nanoTime() - startNanos));
        for (Consumer<Completion> hook : toRun.reversed()) {
            try {
                hook.accept(completion);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "[JGI-DONE-4] a completion hook failed", e);
            }
        }
    }
}
