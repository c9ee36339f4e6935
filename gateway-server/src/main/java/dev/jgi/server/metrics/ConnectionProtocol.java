package dev.jgi.server.metrics;

import java.util.Locale;

/** What an open connection speaks, as the {@code protocol} label says it. */
public enum ConnectionProtocol {
    /** HTTP/1.1 (or 1.0), cleartext or TLS. */
    HTTP1,
    /** HTTP/2, by ALPN or cleartext (h2c). */
    H2,
    /** A WebSocket, upgraded from HTTP/1.1. */
    WEBSOCKET;

    /** The label value: {@code http1}, {@code h2}, {@code websocket}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
