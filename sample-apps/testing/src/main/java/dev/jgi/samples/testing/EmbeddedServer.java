package dev.jgi.samples.testing;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.server.GatewayServer;
import java.net.URI;
import java.time.Duration;

/** The reference server with one app on an ephemeral loopback port, through its embedding API. */
public final class EmbeddedServer implements AutoCloseable {

    /** How long close waits for requests in flight; short, so that a test that leaks one ends anyway. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final GatewayServer server;

    private EmbeddedServer(GatewayServer server) throws Exception {
        this.server = server;
        server.start();
    }

    public static EmbeddedServer start(Application app) throws Exception {
        return new EmbeddedServer(GatewayServer.builder(app)
                .bind("127.0.0.1", 0)
                .gracefulTimeout(GRACE)
                .build());
    }

    public static EmbeddedServer startAsync(AsyncApplication app) throws Exception {
        return new EmbeddedServer(GatewayServer.builderAsync(app)
                .bind("127.0.0.1", 0)
                .gracefulTimeout(GRACE)
                .build());
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** What the admin listener's {@code /readyz} would answer: 200 when true. */
    public boolean ready() {
        return server.ready();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
