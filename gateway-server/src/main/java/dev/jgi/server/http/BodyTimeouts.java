package dev.jgi.server.http;

import java.time.Duration;

/**
 * How slowly a client may send a request body before it gets 408 and a closed connection
 * [JGI-LIM-4]; both count only the time the server waits for the client, not the time the
 * application takes to read.
 *
 * @param read    the longest wait for the next body bytes; zero is none
 * @param minRate the fewest body bytes a second, averaged over the waiting time once it passed ten
 *                seconds; zero is none
 */
record BodyTimeouts(Duration read, long minRate) {

    BodyTimeouts {
        if (read.isNegative() || minRate < 0) {
            throw new IllegalArgumentException("body timeouts must not be negative");
        }
    }
}
