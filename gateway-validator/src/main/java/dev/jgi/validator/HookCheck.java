package dev.jgi.validator;

import dev.jgi.api.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Watches the completion hooks of one exchange: each runs once [JGI-DONE-1], in reverse order of
 * registration [JGI-DONE-2], with a sound {@link Completion} [JGI-DONE-3]. The first hook, which
 * the validator registers itself, must therefore run last; it runs the checks due at the end.
 */
final class HookCheck {

    private final Reporter reporter;
    private final List<Runnable> atEnd = new CopyOnWriteArrayList<>();
    private final List<Boolean> ran = new ArrayList<>();
    private int lastRun = Integer.MAX_VALUE;
    private volatile boolean completing;

    HookCheck(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The validator's own hook, to register before any of the application's. */
    Consumer<Completion> first() {
        return wrap(completion -> atEnd.forEach(Runnable::run));
    }

    /** A check to run when the exchange completed. */
    void atEnd(Runnable check) {
        atEnd.add(check);
    }

    /** Whether a hook has started to run: the exchange is over. */
    boolean completing() {
        return completing;
    }

    synchronized Consumer<Completion> wrap(Consumer<Completion> hook) {
        int index = ran.size();
        ran.add(false);
        return completion -> {
            ran(index, completion);
            hook.accept(completion);
        };
    }

    private void ran(int index, Completion completion) {
        completing = true;
        synchronized (this) {
            if (ran.get(index)) {
                reporter.report(Violation.byServer("JGI-DONE-1", "completion hook " + index + " ran twice"));
            } else if (index > lastRun) {
                reporter.report(Violation.byServer(
                        "JGI-DONE-2",
                        "completion hook " + index + " ran after hook " + lastRun + ", which was registered later"));
            }
            ran.set(index, true);
            lastRun = Math.min(lastRun, index);
        }
        if (completion == null) {
            reporter.report(Violation.byServer("JGI-DONE-3", "a completion hook received null"));
        } else if ((completion.status() != 0 && (completion.status() < 100 || completion.status() > 599))
                || completion.bytesSent() < 0) {
            reporter.report(Violation.byServer("JGI-DONE-3", "an unsound completion: " + completion));
        }
    }
}
