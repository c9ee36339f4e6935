package dev.jgi.validator;

import java.util.Objects;

/**
 * Where violations go. Called on whichever thread saw the violation, possibly many at once:
 * implementations are thread-safe.
 */
@FunctionalInterface
public interface Reporter {

    void report(Violation violation);

    /**
     * Throws {@link ViolationException} at once, like {@code Rack::Lint}: the application's
     * violation becomes its failure (a 500 before commit), the server's a failure of the call the
     * application made. The right choice in tests.
     */
    static Reporter throwing() {
        return violation -> {
            throw new ViolationException(violation);
        };
    }

    /** Logs each violation at WARNING to the {@code dev.jgi.validator} logger, and goes on. */
    static Reporter logging() {
        return logging(System.getLogger("dev.jgi.validator"));
    }

    /** Logs each violation at WARNING to {@code logger}, and goes on; for production. */
    static Reporter logging(System.Logger logger) {
        Objects.requireNonNull(logger, "logger");
        return violation -> logger.log(System.Logger.Level.WARNING, violation.toString());
    }

    /** Keeps every violation in memory, and goes on. */
    static CollectingReporter collecting() {
        return new CollectingReporter();
    }

    /** This reporter, then {@code next}. */
    default Reporter andThen(Reporter next) {
        Objects.requireNonNull(next, "next");
        return violation -> {
            report(violation);
            next.report(violation);
        };
    }
}
