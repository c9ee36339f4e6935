package dev.jgi.tck;

import dev.jgi.tck.h2.Http2Stream;
import dev.jgi.tck.wire.RawConnection;
import java.time.Duration;

/**
 * A request sent by {@link Probe#begin} whose exchange the test keeps open and then leaves, over
 * whichever protocol the run speaks: over HTTP/1.1 the client leaves by closing its connection,
 * over HTTP/2 by resetting the stream (RST_STREAM, CANCEL) on a connection that stays open.
 */
public sealed interface OpenExchange extends AutoCloseable {

    /** Whether response body bytes (HTTP/2) or response bytes (HTTP/1.1) arrive within the timeout. */
    boolean bytesArrive();

    /**
     * Reads the response until its body (HTTP/2) or its bytes (HTTP/1.1) show {@code marker}.
     *
     * @throws AssertionError when the response ended or went quiet first
     */
    void awaitBody(String marker);

    /** The client leaves the exchange, as a browser tab that closes does. */
    void leave();

    private static void check(String marker, String seen) {
        if (!seen.contains(marker)) {
            throw new AssertionError("the response never showed '" + marker + "'; it read: " + seen);
        }
    }

    @Override
    void close();

    /** Over HTTP/1.1: the exchange is the connection. */
    record OnConnection(RawConnection connection, Duration timeout) implements OpenExchange {

        @Override
        public boolean bytesArrive() {
            return connection.bytesArrive(timeout);
        }

        @Override
        public void awaitBody(String marker) {
            check(marker, connection.readUntil(marker, timeout));
        }

        @Override
        public void leave() {
            connection.close();
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    /** Over HTTP/2: the exchange is stream 1. */
    record OnStream(Http2Stream stream) implements OpenExchange {

        @Override
        public boolean bytesArrive() {
            return stream.bodyBytesArrive();
        }

        @Override
        public void awaitBody(String marker) {
            check(marker, stream.bodyUntil(marker));
        }

        @Override
        public void leave() {
            stream.reset();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
