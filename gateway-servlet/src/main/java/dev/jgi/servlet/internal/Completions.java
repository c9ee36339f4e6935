package dev.jgi.servlet.internal;

import dev.jgi.api.Completion;
import dev.jgi.kernel.hooks.CompletionHooks;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The completion hooks of one exchange (the kernel's {@link CompletionHooks}, logged to
 * {@code dev.jgi.servlet}) and the clock of its {@link Completion} [JGI-DONE-3].
 */
final class Completions {

    private static final System.Logger LOG = System.getLogger("dev.jgi.servlet");

    private final long startNanos = System.nanoTime();
    private final CompletionHooks hooks =
            new CompletionHooks((message, failure) -> LOG.log(System.Logger.Level.WARNING, message, failure));

    void add(Consumer<Completion> hook) {
        hooks.add(hook);
    }

    /** Runs the hooks once, with what was sent [JGI-DONE-1]; later calls do nothing. */
    void run(int status, long bytesSent, Optional<Throwable> error) {
        hooks.run(new Completion(status, bytesSent, error, Duration.ofNanos(System.nanoTime() - startNanos)));
    }
}
