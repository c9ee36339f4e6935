package dev.jgi.tck.selftest;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig.ClientAuth;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.spi.ServerUnderTest;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The reference server as the TCK sees it: {@code --server reference}. The suite runs over all
 * three protocols: HTTP/1.1 on the default listener, h2 by ALPN on the TLS one, prior-knowledge h2c
 * on one started with {@code h2c} on.
 */
public final class ReferenceServer implements ServerUnderTest {

    private final UnaryOperator<GatewayServer.Builder> config;

    public ReferenceServer() {
        this(UnaryOperator.identity());
    }

    /** The reference server with its configuration changed last by {@code config}: a mutant's. */
    ReferenceServer(UnaryOperator<GatewayServer.Builder> config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public Set<Protocol> protocols() {
        return EnumSet.allOf(Protocol.class);
    }

    @Override
    public Started start(Application app, String mountPath) {
        return started(mounted(GatewayServer.builder(app), mountPath));
    }

    @Override
    public Started startAsync(AsyncApplication app, String mountPath) {
        return started(mounted(GatewayServer.builderAsync(app), mountPath));
    }

    /** A separate listener, so that the HTTP/1.1 runs see the server as configured by default. */
    @Override
    public Started startH2c(Application app, String mountPath) {
        return started(mounted(GatewayServer.builder(app), mountPath).h2c(true));
    }

    @Override
    public Started startH2cAsync(AsyncApplication app, String mountPath) {
        return started(mounted(GatewayServer.builderAsync(app), mountPath).h2c(true));
    }

    /**
     * The TLS listener offers HTTP/2 by ALPN, so the server declares both TLS and HTTP2 [JGI-H2-2];
     * it asks clients for a certificate without requiring one [JGI-TLS-2].
     */
    @Override
    public Optional<Started> startSecure(Application app, String mountPath, TlsFiles tls) {
        return Optional.of(started(mounted(GatewayServer.builder(app), mountPath)
                .tls(tls.certificate(), tls.privateKey())
                .clientAuth(ClientAuth.WANT, tls.clientAuthority())
                .http2(true)));
    }

    @Override
    public Optional<Started> startSecureAsync(AsyncApplication app, String mountPath, TlsFiles tls) {
        return Optional.of(started(mounted(GatewayServer.builderAsync(app), mountPath)
                .tls(tls.certificate(), tls.privateKey())
                .clientAuth(ClientAuth.WANT, tls.clientAuthority())
                .http2(true)));
    }

    private static GatewayServer.Builder mounted(GatewayServer.Builder builder, String mountPath) {
        // The TCK's forwarded-field tests need a server that trusts no proxy [JGI-PROXY-1].
        builder.bind("127.0.0.1", 0)
                .forwardedAllowIps(java.util.List.of())
                .accessLog(dev.jgi.server.ServerConfig.AccessLogFormat.OFF);
        return mountPath.isEmpty() ? builder : builder.mountPath(mountPath);
    }

    private Started started(GatewayServer.Builder builder) {
        GatewayServer server = config.apply(builder).build();
        server.start();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
        return new Started() {
            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
