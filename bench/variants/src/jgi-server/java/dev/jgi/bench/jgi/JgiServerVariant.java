package dev.jgi.bench.jgi;

import dev.jgi.bench.VariantOptions;
import dev.jgi.bench.app.BenchApp;
import dev.jgi.bench.app.BenchAsyncApp;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;

/**
 * A JGI application on the reference server with its default settings: {@code --mode sync} runs
 * {@link BenchApp}, {@code --mode async} runs {@link BenchAsyncApp}. {@code --mode sync-nolog} is
 * the sync app with the access log off, the one setting changed, to show what the default access
 * log (on, to standard output) costs. With {@code --tls DIR} the server speaks TLS, and HTTP/2 by
 * ALPN as it does by default.
 */
public final class JgiServerVariant {
    private JgiServerVariant() {}

    public static void main(String[] args) throws Exception {
        VariantOptions options = VariantOptions.parse(args);
        var builder = switch (options.mode()) {
            case "sync" -> GatewayServer.builder(new BenchApp());
            case "sync-nolog" -> GatewayServer.builder(new BenchApp()).accessLog(ServerConfig.AccessLogFormat.OFF);
            case "async" -> GatewayServer.builderAsync(new BenchAsyncApp());
            default -> throw new IllegalArgumentException("mode must be sync, sync-nolog or async");
        };
        builder.bind("127.0.0.1", options.port());
        options.tlsDir().ifPresent(dir -> builder.tls(dir.resolve("cert.pem"), dir.resolve("key.pem")));
        builder.build().start();
        options.announce("jgi-" + options.mode());
    }
}
