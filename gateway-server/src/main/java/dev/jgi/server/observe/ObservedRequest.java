package dev.jgi.server.observe;

import java.util.Optional;

/**
 * A request in flight as operations see it: what the status page lists, and what a metric needs
 * beyond the status. Implemented by the server's per-exchange state; read from any thread.
 */
public interface ObservedRequest {

    /** The request id [JGI-REQ-8]. */
    String requestId();

    /** The method as sent, such as {@code GET}. */
    String method();

    /** The request target as sent, or empty before it was read. */
    String target();

    /** {@link System#nanoTime()} when the head was handed to the gateway. */
    long startNanos();

    /** The thread running the application for it: the request's own, or an I/O thread for an async app. */
    Optional<Thread> thread();

    /** Request body bytes read so far. */
    long bytesReceived();
}
