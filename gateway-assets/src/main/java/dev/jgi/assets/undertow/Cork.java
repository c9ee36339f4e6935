package dev.jgi.assets.undertow;

import io.undertow.server.HttpServerExchange;

/**
 * Holds back a connection's partial TCP segments while a large file goes out, as nginx's
 * {@code tcp_nopush} does with Linux's {@code TCP_CORK}: the head, the first bytes and the tail of
 * every {@code sendfile} call then leave in full segments rather than one short segment each. On
 * loopback this took a 1 MiB file from 0.84x to 1.26x nginx's throughput (docs/benchmarks). The JDK
 * cannot set the option, so the server that can supplies it; {@link #NONE} sends as the transport
 * does.
 *
 * <p>The static handler corks only a body it sends by {@code sendfile}; a smaller one leaves in one
 * write, which corking would only delay.
 */
@FunctionalInterface
public interface Cork {

    /** Corks nothing. */
    Cork NONE = exchange -> {};

    /**
     * Corks the exchange's connection, where this cork can (a plain TCP socket, not TLS or HTTP/2),
     * and uncorks it when the exchange completes, before the connection reads its next request: a
     * connection left corked would hold the next response's last segment for 200 ms. Must not throw.
     */
    void untilComplete(HttpServerExchange exchange);
}
