package dev.jgi.api;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * What a server tells an async application. Sealed, so a {@code switch} over events is checked by
 * the compiler.
 *
 * <p><b>Order, for HTTP</b> [JGI-ASYNC-2]: one or more {@link RequestBody} events, the last with
 * {@code last == true} (a request without a body gives exactly one, empty); then, on every later
 * receive, {@link Disconnect} once the response was sent [JGI-DISC-3], and on a server that declares
 * {@link Capability#DISCONNECT_SIGNAL} within 1 s of the client going away [JGI-DISC-8].
 *
 * <p><b>Order, for WebSocket</b>: {@link WebSocketConnect} first [JGI-WS-2]; after the accept,
 * {@link WebSocketText} and {@link WebSocketBinary} messages, whole [JGI-WS-5]; then
 * {@link WebSocketClose} once [JGI-WS-7], repeated on every later receive.
 *
 * <p><b>Evolution</b> [JGI-EVO-2]: the permitted types never change in 1.x; every event a later 1.x
 * adds is an {@link Extension}, and a server delivers one only to an application that opted into
 * it [JGI-EVO-1]. A {@code switch} that covers the types of 1.0 and {@code Extension} stays
 * exhaustive, and its {@code Extension} branch is never taken unless the application opted in.
 */
public sealed interface Event {

    /**
     * An event defined after 1.0. Delivered only to an application that opted into it, by the means
     * the later version defines with the event [JGI-EVO-1].
     */
    non-sealed interface Extension extends Event {}

    /** A piece of the request body. The bytes are the application's to keep. */
    record RequestBody(ByteBuffer data, boolean last) implements Event {
        public RequestBody {
            Objects.requireNonNull(data, "data");
            data = data.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer data() {
            return data.duplicate();
        }
    }

    /** The response is over or the client went away; nothing more will arrive. */
    record Disconnect() implements Event {}

    /** A WebSocket client asks to connect; answer with an accept or a deny. */
    record WebSocketConnect() implements Event {}

    /** A whole text message. */
    record WebSocketText(String text) implements Event {
        public WebSocketText {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A whole binary message. */
    record WebSocketBinary(ByteBuffer data) implements Event {
        public WebSocketBinary {
            Objects.requireNonNull(data, "data");
            data = data.asReadOnlyBuffer();
        }

        @Override
        public ByteBuffer data() {
            return data.duplicate();
        }
    }

    /** The connection closed, by either side or by the network (code 1006) [JGI-WS-7]. */
    record WebSocketClose(int code, String reason) implements Event {
        public WebSocketClose {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
