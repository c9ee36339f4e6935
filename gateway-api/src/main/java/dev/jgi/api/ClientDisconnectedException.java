package dev.jgi.api;

import java.io.IOException;

/**
 * The client went away: thrown by reads and writes of a sync exchange, and the failure of an async
 * send, once the server knows the connection is gone [JGI-DISC-1] [JGI-DISC-4].
 */
public class ClientDisconnectedException extends IOException {

    private static final long serialVersionUID = 1L;

    public ClientDisconnectedException(String message) {
        super(message);
    }

    public ClientDisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
