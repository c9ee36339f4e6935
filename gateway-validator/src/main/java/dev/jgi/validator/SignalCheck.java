package dev.jgi.validator;

import dev.jgi.api.Completion;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The disconnect and drain callbacks an application registers, as the validator hands them to the
 * server: each runs at most once [JGI-DISC-6] [JGI-LIFE-9], and a disconnect callback never once
 * the response was sent whole [JGI-DISC-7].
 */
final class SignalCheck {

    private final Reporter reporter;
    private volatile boolean sentWhole;

    SignalCheck(Reporter reporter) {
        this.reporter = reporter;
    }

    /** The completion hook that tells whether the response went out whole. */
    Consumer<Completion> completion() {
        return done -> sentWhole = done.error().isEmpty();
    }

    Runnable disconnect(Runnable callback) {
        Runnable checked = once(callback, "JGI-DISC-6", "a disconnect callback");
        return () -> {
            if (sentWhole) {
                reporter.report(Violation.byServer(
                        "JGI-DISC-7", "a disconnect callback ran after the response was sent whole"));
            }
            checked.run();
        };
    }

    Runnable drain(Runnable callback) {
        return once(callback, "JGI-LIFE-9", "a drain callback");
    }

    private Runnable once(Runnable callback, String clause, String what) {
        Objects.requireNonNull(callback, "callback");
        AtomicBoolean ran = new AtomicBoolean();
        return () -> {
            if (!ran.compareAndSet(false, true)) {
                reporter.report(Violation.byServer(clause, what + " ran a second time"));
            }
            callback.run();
        };
    }
}
