package dev.jgi.api;

import java.io.IOException;
import java.util.Objects;

/**
 * The client went away: thrown by reads and writes of a sync exchange, and the failure of an async
 * send, once the server knows the connection is gone [JGI-DISC-1] [JGI-DISC-4].
 */
public class ClientDisconnectedException extends IOException {

    private static final long serialVersionUID = 1L;

    public ClientDisconnectedException(String message) {
        super(Objects.requireNonNull(message, "message"));
    }

    /** @param cause the failure that revealed the disconnect; may be {@code null}, as for any exception */
    public ClientDisconnectedException(String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
    }
}
