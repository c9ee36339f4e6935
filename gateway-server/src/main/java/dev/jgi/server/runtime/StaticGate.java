package dev.jgi.server.runtime;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.function.Predicate;

/**
 * The door to the static handlers. They answer in front of the gateway, so without this a request
 * for a static file skipped the gateway's head checks (a 9 KiB field got 200 there and 431 from the
 * app). A request under a static prefix whose head the gateway refuses goes to the gateway, which
 * answers the refusal as for any request; other requests under a prefix go to the static handlers;
 * the rest go straight to the gateway, at the cost of one prefix comparison per mount, which the
 * static handlers would have made anyway.
 */
final class StaticGate implements HttpHandler {

    private final List<String> prefixes;
    private final Predicate<HttpServerExchange> refused;
    private final HttpHandler statics;
    private final HttpHandler gateway;

    /**
     * @param prefixes the mounts' URL prefixes, as the static handlers match them
     * @param refused whether the gateway refuses a request's head
     * @param statics the static handlers, with the gateway behind them
     * @param gateway the gateway
     */
    StaticGate(List<String> prefixes, Predicate<HttpServerExchange> refused, HttpHandler statics, HttpHandler gateway) {
        this.prefixes = List.copyOf(prefixes);
        this.refused = refused;
        this.statics = statics;
        this.gateway = gateway;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                (refused.test(exchange) ? gateway : statics).handleRequest(exchange);
                return;
            }
        }
        gateway.handleRequest(exchange);
    }
}
