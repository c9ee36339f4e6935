package dev.jgi.api;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an async application tells a server. Sealed, so a server's {@code switch} over actions is
 * checked by the compiler.
 *
 * <p><b>Order, for HTTP</b>: any {@link EarlyHints} [JGI-EXT-3]; one {@link ResponseStart}
 * [JGI-ASYNC-3]; {@link ResponseBody} or {@link ResponseFile} actions until one has
 * {@code more == false} [JGI-ASYNC-4]; then {@link ResponseTrailers} exactly when the start
 * announced them [JGI-EXT-1].
 *
 * <p><b>Order, for WebSocket</b>: {@link WebSocketAccept} or {@link WebSocketDeny} answers the
 * connect [JGI-WS-3] [JGI-WS-4]; after an accept, {@link WebSocketSendText},
 * {@link WebSocketSendBinary} and one {@link WebSocketClose}.
 *
 * <p>An action out of order fails its send stage [JGI-ASYNC-5]; HTTP actions on a WebSocket
 * exchange and WebSocket actions on an HTTP exchange are out of order.
 *
 * <p><b>Evolution</b> [JGI-EVO-2]: the permitted types never change in 1.x; every action a later 1.x
 * adds is an {@link Extension}, so a {@code switch} that covers the types of 1.0 and
 * {@code Extension} stays exhaustive.
 */
public sealed interface Action {

    /**
     * An action defined after 1.0, or by no version at all. A server fails the send stage of an
     * extension it does not implement with {@link IllegalStateException} naming [JGI-EVO-3], and
     * sends nothing; a middleware passes it through unchanged [JGI-EVO-4].
     */
    non-sealed interface Extension extends Action {}

    /**
     * Starts the response.
     *
     * @param trailers whether {@link ResponseTrailers} will follow the body
     */
    record ResponseStart(int status, Headers headers, boolean trailers) implements Action {
        public ResponseStart {
            Objects.requireNonNull(headers, "headers");
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("[JGI-RESP-1] status out of range: " + status);
            }
        }
    }

    /** A piece of the response body; {@code more == false} ends it. The buffer is not copied. */
    record ResponseBody(ByteBuffer data, boolean more) implements Action {
        public ResponseBody {
            Objects.requireNonNull(data, "data");
            data = data.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer data() {
            return data.duplicate();
        }

        /** The last piece, empty. */
        public static ResponseBody end() {
            return new ResponseBody(ByteBuffer.allocate(0), false);
        }
    }

    /**
     * A file region as a piece of the body; every server sends it [JGI-BODYOUT-7], without copying
     * it through user space where it declares {@link Capability#FILE_SENDING} [JGI-EXT-4].
     */
    record ResponseFile(Path path, long offset, OptionalLong length, boolean more) implements Action {
        public ResponseFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(length, "length");
            if (offset < 0 || (length.isPresent() && length.getAsLong() < 0)) {
                throw new IllegalArgumentException("offset and length must not be negative");
            }
        }
    }

    /**
     * Trailer fields after the last body piece; needs {@link Capability#TRAILERS} in
     * {@link Request#capabilities()} [JGI-EXT-1].
     * Where trailers cannot travel (HTTP/1.0, HEAD, 204, 304) the server completes the stage
     * without sending them [JGI-EXT-8].
     */
    record ResponseTrailers(Headers trailers) implements Action {
        public ResponseTrailers {
            Objects.requireNonNull(trailers, "trailers");
        }
    }

    /**
     * A {@code 103 Early Hints} interim response; needs {@link Capability#EARLY_HINTS} in
     * {@link Request#capabilities()} [JGI-EXT-3].
     */
    record EarlyHints(Headers headers) implements Action {
        public EarlyHints {
            Objects.requireNonNull(headers, "headers");
        }
    }

    /**
     * Accepts a WebSocket connection.
     *
     * @param subprotocol one of those the client offered, if any [JGI-WS-3]
     * @param headers     extra response header fields for the handshake
     */
    record WebSocketAccept(Optional<String> subprotocol, Headers headers) implements Action {
        public WebSocketAccept {
            Objects.requireNonNull(subprotocol, "subprotocol");
            Objects.requireNonNull(headers, "headers");
        }
    }

    /** Refuses a WebSocket connection with an ordinary HTTP response [JGI-WS-4]. */
    record WebSocketDeny(int status, Headers headers, ByteBuffer body) implements Action {
        public WebSocketDeny {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("[JGI-WS-4] a deny needs a final status: " + status);
            }
            body = body.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer body() {
            return body.duplicate();
        }
    }

    /** Sends a text message. */
    record WebSocketSendText(String text) implements Action {
        public WebSocketSendText {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Sends a binary message. The buffer is not copied. */
    record WebSocketSendBinary(ByteBuffer data) implements Action {
        public WebSocketSendBinary {
            Objects.requireNonNull(data, "data");
            data = data.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer data() {
            return data.duplicate();
        }
    }

    /** Closes the connection with a code (1000–1003, 1007–1014 or 3000–4999) and a reason [JGI-WS-8]. */
    record WebSocketClose(int code, String reason) implements Action {
        public WebSocketClose {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
