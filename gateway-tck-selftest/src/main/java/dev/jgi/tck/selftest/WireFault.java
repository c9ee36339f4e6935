package dev.jgi.tck.selftest;

/**
 * A fault on the wire, applied by {@link FaultyProxy}: rewrites of the first request head and the
 * first response head of each connection, and what happens when the server closes.
 */
public interface WireFault {

    WireFault NONE = new WireFault() {};

    /** The request head (up to and including the blank line) as the server will see it. */
    default String request(String head) {
        return head;
    }

    /** Whether the bytes that arrived right behind the first request head reach the server. */
    default boolean forwardsBytesBehind(String head) {
        return true;
    }

    /** Bytes sent to the client at once after the request head, before the server answers. */
    default String early(String head) {
        return "";
    }

    /** The response head as the client will see it. */
    default String response(String head) {
        return head;
    }

    /** Bytes added after the server closed, given the response head and the last bytes it sent. */
    default String afterServerClose(String responseHead, String tail) {
        return "";
    }

    /** Whether the client's connection is closed when the server closes its own. */
    default boolean closeWithServer() {
        return true;
    }
}
