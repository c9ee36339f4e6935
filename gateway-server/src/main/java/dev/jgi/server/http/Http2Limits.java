package dev.jgi.server.http;

/**
 * The rates an HTTP/2 client may open and reset streams at on one connection, each with a burst of
 * one second's worth; beyond either it gets GOAWAY {@code ENHANCE_YOUR_CALM} [JGI-LIM-5]. Zero is
 * no limit.
 *
 * @param resetRate  RST_STREAM frames per second
 * @param streamRate new streams (HEADERS on a new stream id) per second
 */
record Http2Limits(int resetRate, int streamRate) {

    Http2Limits {
        if (resetRate < 0 || streamRate < 0) {
            throw new IllegalArgumentException("HTTP/2 rates must not be negative");
        }
    }
}
