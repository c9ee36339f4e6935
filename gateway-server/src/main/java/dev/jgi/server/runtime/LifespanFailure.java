package dev.jgi.server.runtime;

/** The application's {@code start} threw; the message is the application's own [JGI-LIFE-3]. */
public final class LifespanFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public LifespanFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
