package dev.jgi.server.observe;

import dev.jgi.api.Completion;
import io.undertow.server.HttpServerExchange;

/** Two observers told everything in turn: the request log's and the metrics'. */
public record Observers(ServerObserver first, ServerObserver second) implements ServerObserver {

    @Override
    public boolean active() {
        return first.active() || second.active();
    }

    @Override
    public void requestStarted(ObservedRequest request, HttpServerExchange exchange) {
        first.requestStarted(request, exchange);
        second.requestStarted(request, exchange);
    }

    @Override
    public void requestEnded(ObservedRequest request, HttpServerExchange exchange, Completion completion) {
        first.requestEnded(request, exchange, completion);
        second.requestEnded(request, exchange, completion);
    }

    @Override
    public void serverAnswered(int status) {
        first.serverAnswered(status);
        second.serverAnswered(status);
    }

    @Override
    public void staticServed(HttpServerExchange exchange, long durationNanos) {
        first.staticServed(exchange, durationNanos);
        second.staticServed(exchange, durationNanos);
    }
}
