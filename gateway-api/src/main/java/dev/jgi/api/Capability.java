package dev.jgi.api;

/**
 * An optional feature a server declares once, at start-up, in {@link ServerInfo} [JGI-CAP-1], and
 * reports per request in {@link Request#capabilities()} where it holds [JGI-CAP-6]. A server MUST
 * NOT change its declared capabilities while running [JGI-CAP-4]; an application MUST NOT use a
 * feature whose capability the request lacks [JGI-CAP-3]. No MUST clause of the core profile depends on
 * one of these [JGI-PROF-2].
 */
public enum Capability {
    /** Response trailers: {@link Response#trailers()} and {@link Action.ResponseTrailers} [JGI-EXT-1]. */
    TRAILERS,
    /** {@code 103 Early Hints}: {@link Exchange#sendEarlyHints} and {@link Action.EarlyHints} [JGI-EXT-3]. */
    EARLY_HINTS,
    /**
     * Zero-copy file bodies: {@link Body.FileRegion} and {@link Action.ResponseFile} sent by the
     * kernel [JGI-EXT-4]. An optimisation, not a permission: every server sends both [JGI-BODYOUT-7].
     */
    FILE_SENDING,
    /**
     * WebSocket handshakes reach async applications as {@link Request.Kind#WEBSOCKET} [JGI-WS-1],
     * and sync ones through {@link Exchange#webSocket()} [JGI-WS-11].
     */
    WEBSOCKET,
    /** HTTP/2, over TLS with ALPN or as cleartext h2c [JGI-H2-1]. */
    HTTP2,
    /** TLS connections, reported in {@link Request#tls()} [JGI-TLS-1]. */
    TLS,
    /**
     * Disconnect callbacks: {@link Exchange#onDisconnect} and {@link Channel#onDisconnect} run
     * within 1 s of the client leaving, without the application reading or writing [JGI-DISC-6].
     */
    DISCONNECT_SIGNAL,
    /**
     * Drain callbacks: {@link Exchange#onDrain} and {@link Channel#onDrain} run when a graceful
     * shutdown begins, so that long-lived streams end cleanly [JGI-LIFE-9].
     */
    DRAIN_SIGNAL
}
