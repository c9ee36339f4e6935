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

    /** Registers a completion hook, as {@link Exchange#onComplete} [JGI-DONE-1]. */
    void onComplete(Consumer<Completion> hook);

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
