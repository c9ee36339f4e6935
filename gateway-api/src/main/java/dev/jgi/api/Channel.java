package dev.jgi.api;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The two directions of one async exchange. Implemented by servers.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-ASYNC-1] Each {@link #receive} completes with the next event, in order; the server
 *       reads request bytes only to satisfy a pending receive, plus a bounded read-ahead
 *       [JGI-STREAM-5].</li>
 *   <li>[JGI-STREAM-2] A {@link #send} stage completes only when the transport accepted the
 *       action's bytes, and exceptionally with {@link ClientDisconnectedException} once the client
 *       is gone [JGI-DISC-4].</li>
 *   <li>[JGI-ASYNC-5] An action that breaks the exchange's order (see {@link Action}) fails its
 *       stage with {@link IllegalStateException} naming the clause, and sends nothing.</li>
 * </ul>
 * <p><b>Application obligations</b>
 * <ul>
 *   <li>[JGI-STREAM-3] At most one send and [JGI-STREAM-4] at most one receive may be pending at a
 *       time: the next one starts after the previous stage completed.</li>
 * </ul>
 * Stages MAY complete on a server I/O thread; continuations must not block [JGI-APP-4].
 */
public interface Channel {

    /** The next event from the server. */
    CompletionStage<Event> receive();

    /** Sends one action to the client. */
    CompletionStage<Void> send(Action action);

    /**
     * Lowers the limit on the request body for this exchange: the async form of
     * {@link Exchange#limitBody}.
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-LIM-9] Once the limit is {@code maxBytes}, a {@link #receive} that would deliver
     *       more than {@code maxBytes} body bytes in all completes exceptionally with
     *       {@link BodyTooLargeException}, and no byte past the limit reaches the application; when
     *       {@link Request#bodyLength()} is over {@code maxBytes}, the first receive of a body event
     *       fails so at once, without reading and without sending {@code 100 Continue}.</li>
     *   <li>[JGI-LIM-8] When the application's stage fails with that exception, the server answers
     *       413 if nothing was committed.</li>
     * </ul>
     * A limit only goes down; on a WebSocket exchange the call changes nothing. Call it before the
     * first receive; the bytes already delivered count.
     *
     * @param maxBytes the most body bytes this exchange may deliver; not negative
     * @throws IllegalArgumentException for a negative {@code maxBytes}
     */
    void limitBody(long maxBytes);

    /** Registers a completion hook, as {@link Exchange#onComplete} [JGI-DONE-1]. */
    void onComplete(Consumer<Completion> hook);

    /**
     * The trailer fields of the request, once the body ended.
     * <p><b>Server obligations</b>
     * <ul>
     *   <li>[JGI-BODY-14] After the {@link Event.RequestBody} with {@code last} true was delivered,
     *       the fields of the request's trailer section (chunked HTTP/1.1, or the HTTP/2 HEADERS
     *       frame after the data), names in lower case; empty before then and for a request that
     *       had none. They are never among {@link Request#headers()}.</li>
     *   <li>[JGI-LIM-2] They count against the server's header count and size limits.</li>
     * </ul>
     * A middleware that wraps a channel hands this through [JGI-ROLE-2]; the default, for channels
     * written before 1.0 final, has none.
     */
    default Headers requestTrailers() {
        return Headers.of();
    }

    /**
     * Registers a callback that runs once the client went away before the exchange ended, as
     * {@link Exchange#onDisconnect} [JGI-DISC-6] [JGI-DISC-7]: an application waiting on anything
     * but {@link #receive} (a timer, a message bus) hears it without a send failing. This default,
     * for a server without {@link Capability#DISCONNECT_SIGNAL}, never runs it.
     */
    default void onDisconnect(Runnable callback) {
        java.util.Objects.requireNonNull(callback, "callback");
    }

    /**
     * Registers a callback that runs when a graceful shutdown begins, as {@link Exchange#onDrain}
     * [JGI-LIFE-9]. This default, for a server without {@link Capability#DRAIN_SIGNAL}, never
     * runs it.
     */
    default void onDrain(Runnable callback) {
        java.util.Objects.requireNonNull(callback, "callback");
    }
}
