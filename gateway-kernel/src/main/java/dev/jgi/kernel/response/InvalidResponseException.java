package dev.jgi.kernel.response;

import java.util.Objects;

/**
 * A response a server must not send as it is: it answers 500 instead if nothing was committed
 * [JGI-ERR-4], and aborts the exchange otherwise [JGI-ERR-2]. The message is
 * {@link ResponseBreach#message()}; there is no stack trace, since the breach is the application's.
 */
public final class InvalidResponseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ResponseBreach breach;

    public InvalidResponseException(ResponseBreach breach) {
        super(breach.message(), null, false, false);
        this.breach = Objects.requireNonNull(breach, "breach");
    }

    /** What the response breaks. */
    public ResponseBreach breach() {
        return breach;
    }
}
