package dev.jgi.server.http;

import dev.jgi.server.log.AccessLog;
import dev.jgi.server.observe.ServerObserver;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;

/**
 * The access-log lines of the requests the static files answered: they are answered in front of the
 * gateway, whose lines cover the application's requests only. The target is the one Undertow kept
 * (path and query as sent); the request id is a fresh one, as for any request.
 */
public record StaticAccessLog(AccessLog log) implements ServerObserver {

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public void staticServed(HttpServerExchange exchange, long durationNanos) {
        InetSocketAddress source = exchange.getSourceAddress();
        String query = exchange.getQueryString();
        log.log(new AccessLog.Entry(
                source == null ? "-" : source.getAddress().getHostAddress(),
                exchange.getRequestMethod().toString(),
                query.isEmpty() ? exchange.getRequestURI() : exchange.getRequestURI() + "?" + query,
                exchange.getProtocol().toString(),
                exchange.getStatusCode(),
                exchange.getResponseBytesSent(),
                exchange.getRequestHeaders().getFirst(Headers.REFERER),
                exchange.getRequestHeaders().getFirst(Headers.USER_AGENT),
                durationNanos / 1000,
                RequestIds.next()));
    }
}
