package dev.jgi.api;

import java.io.IOException;
import java.util.Optional;

/**
 * A WebSocket opening handshake offered to a sync {@link Application} through
 * {@link Exchange#webSocket()}. The application accepts it, or refuses it by returning an ordinary
 * {@link Response} from {@code handle} without accepting.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-WS-14] When the application returns from {@code handle} without calling
 *       {@link #accept}, the server MUST send the returned response as an ordinary HTTP response
 *       and not upgrade, as for a {@code WebSocketDeny} [JGI-WS-4].</li>
 *   <li>[JGI-WS-15] {@link #accept} MUST return only after the {@code 101} response was handed to
 *       the transport; from then on the connection is the session's, and the server MUST NOT send
 *       the response {@code handle} returns.</li>
 * </ul>
 * <p><b>Application obligations</b>
 * <ul>
 *   <li>[JGI-WS-3] The subprotocol MUST be one the client offered in
 *       {@code sec-websocket-protocol}.</li>
 *   <li>[JGI-WS-13] The application MUST call {@link #accept} at most once, and only from the
 *       thread running {@code handle}, before {@code handle} returns.</li>
 * </ul>
 *
 * {@snippet file="dev/jgi/api/Snippets.java" region="sync-websocket"}
 */
public interface WebSocketHandshake {

    /**
     * Accepts the connection: sends {@code 101 Switching Protocols} with these extra header fields.
     *
     * @param subprotocol one of those the client offered, if any [JGI-WS-3]
     * @param headers     extra response header fields for the handshake
     * @return the open session, to be used until {@code handle} returns
     * @throws IOException when the client left before the {@code 101} went out
     *     ({@link ClientDisconnectedException})
     * @throws IllegalStateException when called twice, or with a subprotocol the client did not
     *     offer [JGI-ASYNC-5]
     */
    WebSocketSession accept(Optional<String> subprotocol, Headers headers) throws IOException;

    /** Accepts the connection without a subprotocol or extra header fields. */
    default WebSocketSession accept() throws IOException {
        return accept(Optional.empty(), Headers.of());
    }
}
