package dev.jgi.bench.jgi;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.bench.VariantOptions;
import dev.jgi.bench.app.BenchApp;
import dev.jgi.server.GatewayServer;

/**
 * JGI static files: the reference server's static mount (gateway-assets' index and handler with
 * their production defaults) under {@code /static}, in front of an application, default settings.
 * The application answers 404, or with {@code --mode sync} is {@link BenchApp}: static files,
 * dynamic answers and slow requests from one server, as a real site has them.
 */
public final class JgiStaticVariant {
    private JgiStaticVariant() {}

    public static void main(String[] args) throws Exception {
        VariantOptions options = VariantOptions.parse(args);
        var directory = options.staticDir().orElseThrow(() -> new IllegalArgumentException("--static DIR is required"));
        Application app = switch (options.mode()) {
            case "" -> (request, exchange) -> Response.empty(404);
            case "sync" -> new BenchApp();
            default -> throw new IllegalArgumentException("mode must be sync, or absent");
        };
        var server = GatewayServer.builder(app)
                .bind("127.0.0.1", options.port())
                .staticMount("/static", directory.toString())
                .build();
        server.start();
        options.announce("jgi-static");
    }
}
