package dev.jgi.server.tls;

import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http2.Http2UpgradeHandler;
import org.xnio.OptionMap;

/**
 * HTTP/2 as the server speaks it: {@code h2} by ALPN on TLS listeners ({@link ServerTls}),
 * cleartext h2c (prior knowledge and {@code Upgrade: h2c}) only when asked for, and a bound where
 * Undertow has none: at most {@value #MAX_CONCURRENT_STREAMS} concurrent streams per connection
 * (Undertow's default is unlimited). Server push is off. The header list limit sits above the
 * HTTP/1.1 head limits, so that an oversized head gets the same 431 on either version [JGI-LIM-2]
 * (Undertow's cap of 20000 bytes would reset the connection instead); Undertow's reset-flood guard
 * stays on.
 */
public final class Http2Options {

    /** Streams a client may have open on one connection, as nginx and h2o default to. */
    public static final int MAX_CONCURRENT_STREAMS = 100;

    /** The JVM-wide ceiling set for Undertow's header list limit, far above any per-server one. */
    private static final int MAX_HEADER_LIST_CAP = 1024 * 1024;

    private Http2Options() {}

    /**
     * Adds the HTTP/2 options to Undertow's.
     *
     * @param h2c           whether cleartext listeners take prior-knowledge HTTP/2
     * @param maxHeadBytes  the HTTP/1.1 limit of request line plus header fields
     */
    // Undertow marks the header list option for removal but still reads it, and has no other.
    @SuppressWarnings("removal")
    public static OptionMap.Builder apply(OptionMap.Builder undertowOptions, boolean h2c, int maxHeadBytes) {
        // Undertow caps every header list at this JVM-wide property (read once, default 20000) below
        // the per-server option; lift the cap unless the operator set it, so the option decides.
        System.getProperties().putIfAbsent("io.undertow.http2-max-header-size", String.valueOf(MAX_HEADER_LIST_CAP));
        return undertowOptions
                .set(UndertowOptions.ENABLE_HTTP2, h2c)
                .set(UndertowOptions.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, MAX_CONCURRENT_STREAMS)
                .set(UndertowOptions.HTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, 2 * maxHeadBytes)
                .set(UndertowOptions.HTTP2_SETTINGS_ENABLE_PUSH, false);
    }

    /** The root handler of a cleartext listener: with h2c, one that also takes {@code Upgrade: h2c}. */
    public static HttpHandler cleartextRoot(HttpHandler root, boolean h2c) {
        return h2c ? new Http2UpgradeHandler(root) : root;
    }
}
