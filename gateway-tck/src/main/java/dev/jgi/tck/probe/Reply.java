package dev.jgi.tck.probe;

import dev.jgi.api.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A probe answer in a form both probe variants can send: the sync probe as a {@link dev.jgi.api.Body},
 * the async probe as actions.
 *
 * @param status  the status
 * @param headers the response header fields
 * @param pieces  the body, in the pieces it is flushed in
 * @param shape   how the body is handed to the server
 */
record Reply(int status, Headers headers, List<byte[]> pieces, Shape shape) {

    enum Shape {
        /** One piece of known length: the server knows the length up front. */
        KNOWN_LENGTH,
        /** Pieces flushed one by one, length unknown to the server. */
        STREAMED,
        /** The application fails before it answers. */
        FAIL_BEFORE,
        /** The application sends the first piece, then fails. */
        FAIL_MID_BODY
    }

    Reply {
        pieces = List.copyOf(pieces);
    }

    static Reply text(int status, String text) {
        return new Reply(
                status,
                Headers.of("content-type", "text/plain; charset=utf-8"),
                List.of(text.getBytes(StandardCharsets.UTF_8)),
                Shape.KNOWN_LENGTH);
    }

    static Reply json(String json) {
        return new Reply(
                200,
                Headers.of("content-type", "application/json"),
                List.of(json.getBytes(StandardCharsets.UTF_8)),
                Shape.KNOWN_LENGTH);
    }

    int length() {
        return pieces.stream().mapToInt(p -> p.length).sum();
    }
}
