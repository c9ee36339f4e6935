package dev.jgi.server.http;

import dev.jgi.api.Completion;
import dev.jgi.server.log.ServerLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The completion hooks of one exchange: run once, newest first, each failure logged [JGI-DONE-1]. */
final class Hooks {

    private final List<Consumer<Completion>> hooks = new ArrayList<>(2);
    private boolean ran;

    synchronized void add(Consumer<Completion> hook) {
        if (ran) {
            throw new IllegalStateException("[JGI-APP-8] the exchange is over; hooks can no longer be added");
        }
        hooks.add(hook);
    }

    synchronized boolean isEmpty() {
        return hooks.isEmpty();
    }

    /** Runs every hook once in reverse order of registration [JGI-DONE-2]; later calls do nothing. */
    void run(Completion completion, String requestId) {
        List<Consumer<Completion>> toRun;
        synchronized (this) {
            if (ran) {
                return;
            }
            ran = true;
            toRun = List.copyOf(hooks);
        }
        for (int i = toRun.size() - 1; i >= 0; i--) {
            try {
                toRun.get(i).accept(completion);
            } catch (RuntimeException | Error failure) {
                ServerLog.error(requestId, "[JGI-DONE-4] a completion hook failed", failure);
            }
        }
    }
}
