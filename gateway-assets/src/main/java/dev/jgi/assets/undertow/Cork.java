package dev.jgi.assets.undertow;

import io.undertow.server.HttpServerExchange;

/**
 * Holds back a connection's partial TCP segments while a large file goes out, as nginx's
 * {@code tcp_nopush} does with Linux's {@code TCP_CORK}: the head, the first bytes and the tail of
 * every {@code sendfile} call then leave in full segments rather than one short segment each. On
 * loopback this took a 1 MiB file from 0.64x to 1.14x nginx's throughput (docs/benchmarks). The JDK
 * cannot set the option, so the server that can supplies it; {@link #NONE} sends as the transport
 * does.
 *
 * <p>Only a body sent by {@code sendfile} is corked ({@link #forFileRegion}); a smaller one leaves in
 * one write, which corking would only delay.
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

    /**
     * Corks the exchange's connection, as {@link #untilComplete}, for a file region of {@code length}
     * bytes sent with {@link FileRegionSend} that is long enough to go out by {@code sendfile}; a
     * shorter one leaves with the head in one write.
     */
    default void forFileRegion(HttpServerExchange exchange, long length) {
        if (length > FileRegionSend.FIRST_WRITE) {
            untilComplete(exchange);
        }
    }
}
