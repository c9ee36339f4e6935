package dev.jgi.api;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a server offers a sync {@link Application} for one request besides its head: the body, the
 * completion hook, the disconnect signal and interim responses. Implemented by servers; valid only
 * while {@link Application#handle} runs and, for the body and hooks, until the response is sent.
 */
public interface Exchange {

    /**
     * The request body as a stream.
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-BODY-1] The stream ends after Content-Length bytes, or after the last chunk of a
     *       chunked body [JGI-BODY-2]; at once when the request has no body [JGI-BODY-3].</li>
     *   <li>[JGI-BODY-4] When the request carries {@code Expect: 100-continue}, the server sends
     *       {@code 100 Continue} on the first read, and never if the body is not read.</li>
     *   <li>[JGI-BODY-6] Reading blocks until bytes arrive; the server buffers at most a bounded
     *       amount ahead of the reader.</li>
     *   <li>[JGI-BODY-8] A read after the client went away throws
     *       {@link ClientDisconnectedException}.</li>
     *   <li>[JGI-LIM-3] A body over the server's limit makes a read throw a
     *       {@link BodyTooLargeException}; the server answers 413 if nothing was committed
     *       [JGI-LIM-8].</li>
     * </ul>
     * The application MAY leave the body unread [JGI-BODY-5]. Every call returns the same stream.
     */
    InputStream body();

    /**
     * Lowers the limit on the request body for this exchange, as an application or a middleware
     * does for a route that takes small bodies (a JSON form, a login).
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-LIM-7] Once the limit is {@code maxBytes}, a read of {@link #body()} that would
     *       deliver more than {@code maxBytes} bytes in all throws {@link BodyTooLargeException};
     *       when {@link Request#bodyLength()} is over {@code maxBytes}, the first read throws it at
     *       once, without reading and without sending {@code 100 Continue} [JGI-BODY-4].</li>
     *   <li>[JGI-LIM-8] When the application lets that exception end {@code handle}, the server
     *       answers 413 if nothing was committed.</li>
     * </ul>
     * A limit only goes down: a {@code maxBytes} above the limit in force (the server's, or one set
     * before) changes nothing. Call it before the first read; the bytes already read count.
     *
     * @param maxBytes the most body bytes this exchange may read; not negative
     * @throws IllegalArgumentException for a negative {@code maxBytes}
     */
    void limitBody(long maxBytes);

    /**
     * Registers a hook that runs once, after the response was sent or the exchange aborted
     * [JGI-DONE-1]. Hooks run in reverse order of registration [JGI-DONE-2]; one hook's exception
     * is logged and does not stop the others [JGI-DONE-4].
     */
    void onComplete(Consumer<Completion> hook);

    /**
     * Whether the server has seen the client go away [JGI-DISC-2]. A server that cannot tell before
     * a write returns {@code false} until a read or write fails.
     */
    boolean isDisconnected();

    /**
     * Registers a callback that runs when the client goes away before the exchange ended, so that an
     * application that neither reads nor writes (a server-sent event stream between events, a long
     * poll) can stop at once.
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-DISC-6] A server that declares {@link Capability#DISCONNECT_SIGNAL} runs the
     *       callback once, within 1 s of the client closing its connection or resetting its HTTP/2
     *       stream, once the request body was read to its end or the request had none; a callback
     *       registered after the client left runs at once.</li>
     *   <li>[JGI-DISC-7] It never runs the callback of an exchange whose response was sent whole
     *       before the client left.</li>
     * </ul>
     * A server without the capability may run it or not; this default never does. The callback may
     * run on a server I/O thread and must not block [JGI-APP-4]; a callback that throws is logged.
     */
    default void onDisconnect(Runnable callback) {
        java.util.Objects.requireNonNull(callback, "callback");
    }

    /**
     * Registers a callback that runs when the server begins a graceful shutdown while this exchange
     * is in flight: the signal for a long-lived response to end cleanly (a last event, the end of
     * the body) instead of being cut when the graceful timeout passes.
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-LIFE-9] A server that declares {@link Capability#DRAIN_SIGNAL} runs the callback
     *       once, when the graceful shutdown begins and before it waits for in-flight requests; a
     *       callback registered after that runs at once. It never runs one of an exchange that
     *       ended before.</li>
     * </ul>
     * An application streaming an open-ended response SHOULD end it when the callback runs
     * [JGI-LIFE-10]. A server without the capability may run it or not; this default never does.
     * The callback may run on a server thread and must not block [JGI-APP-4].
     */
    default void onDrain(Runnable callback) {
        java.util.Objects.requireNonNull(callback, "callback");
    }

    /**
     * Sends a {@code 103 Early Hints} interim response with these fields (typically {@code link})
     * before the final one [JGI-EXT-3]; over HTTP/2 a HEADERS frame that does not end the stream.
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-EXT-11] Returns {@code true} exactly when the 103 was sent, and only once the
     *       transport accepted it, so that it precedes the final response; {@code false} when the
     *       request lacks {@link Capability#EARLY_HINTS} in {@link Request#capabilities()}
     *       [JGI-CAP-5], the client speaks
     *       HTTP/1.0, or the response is committed.</li>
     * </ul>
     */
    boolean sendEarlyHints(Headers headers);

    /**
     * The WebSocket handshake this request is, when the server completes WebSocket handshakes for
     * sync applications; empty for any other request, and on a server or a middleware that does
     * not [JGI-WS-11]. An application that never calls it answers a handshake as a plain request,
     * and the server sends that answer and does not upgrade [JGI-WS-14].
     */
    default Optional<WebSocketHandshake> webSocket() {
        return Optional.empty();
    }

    /**
     * The trailer fields of the request, once the body ended.
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-BODY-14] After a read of {@link #body()} returned end of stream, the fields of the
     *       request's trailer section (chunked HTTP/1.1, or the HTTP/2 HEADERS frame after the
     *       data), names in lower case; empty before then and for a request that had none. They are
     *       never among {@link Request#headers()}.</li>
     *   <li>[JGI-LIM-2] They count against the server's header count and size limits: over them
     *       the read fails, and the server answers 431 if nothing was committed.</li>
     * </ul>
     * A middleware that wraps an exchange hands this through [JGI-ROLE-2]; the default, for
     * exchanges written before 1.0 final, has none.
     */
    default Headers requestTrailers() {
        return Headers.of();
    }
}
