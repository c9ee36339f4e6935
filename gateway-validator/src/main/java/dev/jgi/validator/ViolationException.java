package dev.jgi.validator;

/**
 * Thrown by {@link Reporter#throwing()} at the point a violation is seen: to the server when it
 * called the application, to the application when it called the server. An
 * {@link IllegalStateException}, as a server's own refusals are [JGI-ASYNC-5].
 */
public final class ViolationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    public ViolationException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
