package dev.jgi.bench.jgi;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.assets.undertow.StaticHandler;
import dev.jgi.bench.VariantOptions;
import dev.jgi.server.GatewayServer;
import java.util.List;

/**
 * JGI static files: gateway-assets' index and handler with their production defaults, in front of
 * an application on the reference server (its default settings), under {@code /static}.
 */
public final class JgiStaticVariant {
    private JgiStaticVariant() {}

    public static void main(String[] args) throws Exception {
        VariantOptions options = VariantOptions.parse(args);
        var directory = options.staticDir().orElseThrow(() -> new IllegalArgumentException("--static DIR is required"));
        var index = AssetIndex.ofDirectories(List.of(directory), IndexOptions.defaults());
        Application notFound = (request, exchange) -> Response.empty(404);
        var server = GatewayServer.builder(notFound)
                .bind("127.0.0.1", options.port())
                .front(next -> new StaticHandler(UrlPrefix.DEFAULT, index, next))
                .build();
        server.start();
        options.announce("jgi-static");
    }
}
