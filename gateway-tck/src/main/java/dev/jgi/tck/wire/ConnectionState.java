package dev.jgi.tck.wire;

/** What the server did with a connection after the last response was read. */
public enum ConnectionState {
    /** The server closed the connection (end of stream). */
    CLOSED,
    /** The server reset the connection. */
    RESET,
    /** Nothing arrived and the connection stayed open for the whole wait: kept alive. */
    OPEN,
    /** More bytes arrived when none were due: an extra or smuggled response. */
    EXTRA_BYTES
}
