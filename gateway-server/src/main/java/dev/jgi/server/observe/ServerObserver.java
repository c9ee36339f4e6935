package dev.jgi.server.observe;

import dev.jgi.api.Completion;
import io.undertow.server.HttpServerExchange;

/**
 * What the server core tells operations about its work: the one type the request path calls for
 * metrics, the status page and the in-flight list. Every method runs on an I/O thread and must
 * return at once. A server without the admin listener uses {@link #NONE}, whose empty methods the
 * JIT inlines away, so that it pays nothing measurable for being observable.
 */
public interface ServerObserver {

    /** Observes nothing. */
    ServerObserver NONE = new ServerObserver() {};

    /** Whether it wants {@link #staticServed} calls, which cost the static path a completion listener. */
    default boolean active() {
        return false;
    }

    /** A request head was accepted by Undertow and handed to the gateway; {@code exchange} is its exchange. */
    default void requestStarted(ObservedRequest request, HttpServerExchange exchange) {}

    /** The exchange of {@code request} is over, answered or aborted (status 0). */
    default void requestEnded(ObservedRequest request, HttpServerExchange exchange, Completion completion) {}

    /**
     * The server answered on its own behalf, before or instead of the application: a limit (408,
     * 413, 414, 431), a malformed request (400), the in-flight cap or the deadline (503), an
     * application failure (500).
     */
    default void serverAnswered(int status) {}

    /**
     * A static file answered, in front of the application.
     *
     * @param durationNanos from the head to the end of the exchange
     */
    default void staticServed(HttpServerExchange exchange, long durationNanos) {}
}
