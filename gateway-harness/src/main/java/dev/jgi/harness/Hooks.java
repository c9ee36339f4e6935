package dev.jgi.harness;

import dev.jgi.api.Completion;
import dev.jgi.kernel.hooks.CompletionHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The completion hooks of one exchange: the kernel's {@link CompletionHooks}, logged to the
 * {@code dev.jgi.harness.Hooks} logger, and broken on purpose when the options ask for
 * {@link ServerFault#HOOKS_RUN_TWICE} or {@link ServerFault#HOOKS_IN_REGISTRATION_ORDER}.
 */
final class Hooks {

    private static final System.Logger LOG = System.getLogger(Hooks.class.getName());

    private final CompletionHooks hooks =
            new CompletionHooks((message, failure) -> LOG.log(System.Logger.Level.WARNING, message, failure));
    private final boolean twice;
    private final boolean inRegistrationOrder;
    /** With HOOKS_IN_REGISTRATION_ORDER: the hooks, which the kernel's slots run back to front. */
    private final List<Consumer<Completion>> registered = new ArrayList<>();

    Hooks(TestServer.Options options) {
        this.twice = options.faults().contains(ServerFault.HOOKS_RUN_TWICE);
        this.inRegistrationOrder = options.faults().contains(ServerFault.HOOKS_IN_REGISTRATION_ORDER);
    }

    synchronized void add(Consumer<Completion> hook) {
        Consumer<Completion> once = java.util.Objects.requireNonNull(hook);
        Consumer<Completion> run = twice ? once.andThen(once) : once;
        if (!inRegistrationOrder) {
            hooks.add(run);
            return;
        }
        int slot = registered.size();
        hooks.add(completion -> registered.get(registered.size() - 1 - slot).accept(completion));
        registered.add(run);
    }

    /** Runs the hooks; the first call wins, so an exchange completes once. */
    synchronized void run(Completion done) {
        hooks.run(done);
    }
}
