package dev.jgi.server.websocket;

import dev.jgi.api.Completion;
import dev.jgi.server.log.ServerLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The completion hooks of one exchange: run once, newest first, each isolated from the others. */
final class CompletionHooks {

    private final List<Consumer<Completion>> hooks = new ArrayList<>();
    private Completion done;

    /** Adds a hook; a hook added after the end runs at once [JGI-DONE-1]. */
    void add(Consumer<Completion> hook) {
        Completion already;
        synchronized (this) {
            already = done;
            if (already == null) {
                hooks.add(hook);
                return;
            }
        }
        runOne(hook, already);
    }

    /** Runs every hook in reverse order of registration [JGI-DONE-2]; later calls do nothing. */
    void run(Completion completion) {
        List<Consumer<Completion>> toRun;
        synchronized (this) {
            if (done != null) {
                return;
            }
            done = completion;
            toRun = List.copyOf(hooks.reversed());
            hooks.clear();
        }
        toRun.forEach(hook -> runOne(hook, completion));
    }

    private static void runOne(Consumer<Completion> hook, Completion completion) {
        try {
            hook.accept(completion);
        } catch (RuntimeException e) {
            ServerLog.error(null, "[JGI-DONE-4] a completion hook failed", e);
        }
    }
}
