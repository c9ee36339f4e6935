package dev.jgi.tck.wire;

/** The server sent bytes that are not a valid HTTP/1.1 response: a failure of the server under test. */
public final class ProtocolViolation extends AssertionError {

    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String message) {
        super("malformed response: " + message);
    }
}
