package dev.jgi.server.log;

import dev.jgi.api.Completion;
import dev.jgi.server.observe.ObservedRequest;
import dev.jgi.server.observe.ServerObserver;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server log's part of observing requests: each request's {@link LogContext} is made current
 * on the I/O thread that hands it to the application ({@link LogContext#propagating} carries it on),
 * and the trace ids of requests in flight are kept by request id for the server's own lines about
 * them. Only requests that came with a {@code traceparent} cost a map entry.
 */
public final class RequestLog implements ServerObserver {

    private static final Map<String, String> TRACES = new ConcurrentHashMap<>();

    /** The trace id of a request in flight, or null. */
    static String traceOf(String requestId) {
        return requestId == null || TRACES.isEmpty() ? null : TRACES.get(requestId);
    }

    @Override
    public void requestStarted(ObservedRequest request, HttpServerExchange exchange) {
        String trace = LogContext.traceId(exchange.getRequestHeaders().getFirst("traceparent"));
        if (trace != null) {
            TRACES.put(request.requestId(), trace);
        }
        new LogContext(request.requestId(), trace).enter();
    }

    @Override
    public void requestEnded(ObservedRequest request, HttpServerExchange exchange, Completion completion) {
        if (!TRACES.isEmpty()) {
            TRACES.remove(request.requestId());
        }
    }
}
