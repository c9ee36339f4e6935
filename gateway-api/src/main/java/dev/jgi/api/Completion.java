package dev.jgi.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an exchange ended, handed to every completion hook exactly once [JGI-DONE-3].
 *
 * @param status       the status sent, or 0 when none was
 * @param bytesSent    body bytes written to the client
 * @param error        why the exchange was aborted, if it was: an application failure or a
 *                     client disconnect
 * @param duration     from the request head being read to the end of the exchange
 */
public record Completion(int status, long bytesSent, Optional<Throwable> error, Duration duration) {

    public Completion {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether the client received the whole response. */
    public boolean succeeded() {
        return error.isEmpty();
    }
}
