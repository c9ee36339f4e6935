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
 * log (on, to standard output) costs.
 */
public final class JgiServerVariant {
    private JgiServerVariant() {}

    public static void main(String[] args) throws Exception {
        VariantOptions options = VariantOptions.parse(args);
        var server = switch (options.mode()) {
            case "sync" -> GatewayServer.builder(new BenchApp()).bind("127.0.0.1", options.port()).build();
            case "sync-nolog" -> GatewayServer.builder(new BenchApp()).bind("127.0.0.1", options.port())
                    .accessLog(ServerConfig.AccessLogFormat.OFF).build();
            case "async" -> GatewayServer.builderAsync(new BenchAsyncApp()).bind("127.0.0.1", options.port()).build();
            default -> throw new IllegalArgumentException("mode must be sync, sync-nolog or async");
        };
        server.start();
        options.announce("jgi-" + options.mode());
    }
}
