package dev.jgi.harness;

import dev.jgi.api.Completion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The completion hooks of one exchange: each runs once, in reverse order of registration
 * [JGI-DONE-1] [JGI-DONE-2]; one hook's exception is logged and the others still run [JGI-DONE-4].
 */
final class Hooks {

    private static final System.Logger LOG = System.getLogger(Hooks.class.getName());

    private final List<Consumer<Completion>> hooks = new ArrayList<>();
    private final boolean twice;
    private final boolean inRegistrationOrder;
    private Completion completion;

    Hooks(TestServer.Options options) {
        this.twice = options.faults().contains(ServerFault.HOOKS_RUN_TWICE);
        this.inRegistrationOrder = options.faults().contains(ServerFault.HOOKS_IN_REGISTRATION_ORDER);
    }

    synchronized void add(Consumer<Completion> hook) {
        if (completion != null) {
            throw new IllegalStateException("[JGI-APP-8] a completion hook registered after the exchange ended");
        }
        hooks.add(Objects.requireNonNull(hook));
    }

    /** Runs the hooks; the first call wins, so an exchange completes once. */
    void run(Completion done) {
        List<Consumer<Completion>> toRun;
        synchronized (this) {
            if (completion != null) {
                return;
            }
            completion = done;
            toRun = new ArrayList<>(hooks);
        }
        if (!inRegistrationOrder) {
            Collections.reverse(toRun);
        }
        for (int round = 0; round < (twice ? 2 : 1); round++) {
            for (Consumer<Completion> hook : toRun) {
                try {
                    hook.accept(done);
                } catch (RuntimeException failure) {
                    LOG.log(System.Logger.Level.WARNING, "[JGI-DONE-4] a completion hook failed", failure);
                }
            }
        }
    }

    synchronized boolean ran() {
        return completion != null;
    }
}
