package dev.jgi.server.http;

import io.undertow.server.HttpServerExchange;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exchanges in flight on one connection, so that a drain can make their responses close it. An
 * HTTP/1.1 connection has at most one at a time, held in a field; a set is made only when a second
 * one starts while the first runs (HTTP/2 streams), so that an idle connection holds no table.
 * Safe on any thread: exchanges start on the connection's I/O thread and may end elsewhere.
 */
final class ExchangesInFlight {

    private static final VarHandle ONLY;

    static {
        try {
            ONLY = MethodHandles.lookup().findVarHandle(ExchangesInFlight.class, "only", HttpServerExchange.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through ONLY
    private volatile HttpServerExchange only;

    private volatile Set<HttpServerExchange> more;

    void add(HttpServerExchange exchange) {
        if (ONLY.compareAndSet(this, null, exchange)) {
            return;
        }
        Set<HttpServerExchange> set = more;
        if (set == null) {
            synchronized (this) {
                set = more;
                if (set == null) {
                    set = ConcurrentHashMap.newKeySet();
                    more = set;
                }
            }
        }
        set.add(exchange);
    }

    void remove(HttpServerExchange exchange) {
        if (!ONLY.compareAndSet(this, exchange, null)) {
            Set<HttpServerExchange> set = more;
            if (set != null) {
                set.remove(exchange);
            }
        }
    }

    /** Makes every response not started yet close the connection. */
    void closeAfterResponses() {
        HttpServerExchange first = only;
        if (first != null) {
            first.setPersistent(false);
        }
        Set<HttpServerExchange> set = more;
        if (set != null) {
            set.forEach(exchange -> exchange.setPersistent(false));
        }
    }
}
