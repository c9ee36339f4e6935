package dev.jgi.api;

import java.util.Objects;

/**
 * A request body is larger than a limit in force: the server's own [JGI-LIM-3] or the one the
 * application or a middleware set for the exchange with {@link Exchange#limitBody} [JGI-LIM-7].
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-LIM-8] A body read that crosses a limit MUST throw this exception, and an application
 *       failure caused by it MUST be answered 413, not 500, when nothing was committed.</li>
 * </ul>
 */
public class BodyTooLargeException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /**
     * @param message what was refused, naming the clause
     * @param limit   the limit crossed, in bytes; not negative
     */
    public BodyTooLargeException(String message, long limit) {
        super(Objects.requireNonNull(message, "message"));
        if (limit < 0) {
            throw new IllegalArgumentException("a body limit must not be negative: " + limit);
        }
        this.limit = limit;
    }

    /** The limit the body crossed, in bytes. */
    public long limit() {
        return limit;
    }
}
