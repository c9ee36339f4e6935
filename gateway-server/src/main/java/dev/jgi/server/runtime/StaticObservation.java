package dev.jgi.server.runtime;

import dev.jgi.server.observe.ServerObserver;
import io.undertow.server.HttpHandler;
import io.undertow.util.AttachmentKey;

/**
 * Tells the observer of requests the static files answered: the static handlers answer in front of
 * the gateway, so the gateway never sees them. A request the static handlers pass on is marked, and
 * observed by the gateway instead.
 */
final class StaticObservation {

    private static final AttachmentKey<Boolean> PASSED_ON = AttachmentKey.create(Boolean.class);

    private StaticObservation() {}

    /** {@code next}, marking each request the static handlers passed on to it. */
    static HttpHandler passedOn(HttpHandler next) {
        return exchange -> {
            exchange.putAttachment(PASSED_ON, Boolean.TRUE);
            next.handleRequest(exchange);
        };
    }

    /** {@code statics}, telling {@code observer} of each request it answered itself. */
    static HttpHandler observing(HttpHandler statics, ServerObserver observer) {
        return exchange -> {
            long started = System.nanoTime();
            exchange.addExchangeCompleteListener((done, next) -> {
                try {
                    if (done.getAttachment(PASSED_ON) == null) {
                        observer.staticServed(done, System.nanoTime() - started);
                    }
                } finally {
                    next.proceed();
                }
            });
            statics.handleRequest(exchange);
        };
    }
}
