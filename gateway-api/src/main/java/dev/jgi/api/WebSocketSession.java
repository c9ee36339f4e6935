package dev.jgi.api;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An open WebSocket connection as a sync {@link Application} sees it: blocking calls on the thread
 * that runs {@code handle}, a virtual thread by default [JGI-APP-2]. One thread receives and one
 * sends at a time; a receive and a send may run at once on two threads.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-WS-5] {@link #receive} returns each message whole, its fragments reassembled, and
 *       counts the fragments against the message limit as they arrive [JGI-WS-9].</li>
 *   <li>[JGI-WS-6] The server answers pings itself; control frames never reach {@link #receive}.</li>
 *   <li>[JGI-WS-7] {@link #receive} returns the close once the connection closed, and again on
 *       every later call.</li>
 *   <li>[JGI-WS-16] The server answers the peer's close frame itself, echoing its code (an empty
 *       close frame for one without a code, reported as 1005) before {@link #receive} returns the
 *       close; a later {@link #close} then sends nothing.</li>
 *   <li>[JGI-WS-17] When {@code handle} returns with the connection open, the server closes it with
 *       1000; when {@code handle} throws, with 1011; when the server shuts down, with 1001. An
 *       application therefore needs no {@code finally} to close.</li>
 * </ul>
 * <p><b>Application obligations</b>
 * <ul>
 *   <li>[JGI-WS-8] A close code MUST be 1000 to 1003, 1007 to 1014, or 3000 to 4999, with a reason
 *       of at most 123 bytes of UTF-8.</li>
 *   <li>[JGI-WS-12] The application MUST NOT send after it closed or received the close.</li>
 * </ul>
 */
public interface WebSocketSession {

    /**
     * Waits for the next message or the close.
     *
     * @return an {@link Event.WebSocketText}, an {@link Event.WebSocketBinary}, or, once the
     *     connection closed, the {@link Event.WebSocketClose} [JGI-WS-7]
     * @throws IOException when the thread was interrupted while waiting
     */
    Event receive() throws IOException;

    /**
     * Sends a text message; returns once the transport accepted it [JGI-WS-10].
     *
     * @throws ClientDisconnectedException when the connection is closed [JGI-DISC-4]
     */
    void sendText(String text) throws IOException;

    /**
     * Sends a binary message; returns once the transport accepted it [JGI-WS-10].
     *
     * @throws ClientDisconnectedException when the connection is closed [JGI-DISC-4]
     */
    void sendBinary(ByteBuffer data) throws IOException;

    /**
     * Starts the close handshake with this code and reason, unless the connection is already
     * closing; the peer's answer arrives as the close from {@link #receive}.
     *
     * @throws IllegalStateException for a code or reason that JGI-WS-8 forbids
     */
    void close(int code, String reason) throws IOException;
}
