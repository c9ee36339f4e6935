package dev.jgi.server.websocket;

import dev.jgi.api.Headers;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.protocol.Handshake;
import io.undertow.websockets.core.protocol.version07.Hybi07Handshake;
import io.undertow.websockets.core.protocol.version08.Hybi08Handshake;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.AsyncWebSocketHttpServerExchange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The RFC 6455 opening handshake, done by Undertow's handshake classes with the subprotocol the
 * application chose. Extensions (permessage-deflate) are not negotiated: a compressed message
 * could inflate past the size limit before it is seen.
 */
final class Handshakes {

    private Handshakes() {}

    /** Whether Undertow can complete this request as a WebSocket handshake (versions 13, 8 and 7). */
    static boolean isHandshake(HttpServerExchange http) {
        return http.getRequestMethod().equals(Methods.GET)
                && http.getRequestHeaders().contains(io.undertow.util.Headers.UPGRADE)
                && matching(facade(http), Optional.empty()).isPresent();
    }

    /**
     * Writes the 101 response with the extra headers and hands the upgraded connection over. Runs on
     * the exchange's I/O thread.
     */
    static void upgrade(
            HttpServerExchange http, Optional<String> subprotocol, Headers extra, Consumer<WebSocketChannel> opened) {
        AsyncWebSocketHttpServerExchange facade = facade(http);
        Handshake handshake = matching(facade, subprotocol)
                .orElseThrow(() -> new IllegalStateException("the request is no longer a WebSocket handshake"));
        extra.forEach((name, value) -> http.getResponseHeaders().add(HttpString.tryFromString(name), value));
        http.upgradeChannel((connection, exchange) ->
                opened.accept(handshake.createChannel(facade, connection, facade.getBufferPool())));
        handshake.handshake(facade);
    }

    private static Optional<Handshake> matching(AsyncWebSocketHttpServerExchange facade, Optional<String> subprotocol) {
        Set<String> chosen = subprotocol.map(Set::of).orElse(Set.of());
        for (Handshake handshake : List.of(
                new Hybi13Handshake(chosen, false),
                new Hybi08Handshake(chosen, false),
                new Hybi07Handshake(chosen, false))) {
            if (handshake.matches(facade)) {
                return Optional.of(handshake);
            }
        }
        return Optional.empty();
    }

    private static AsyncWebSocketHttpServerExchange facade(HttpServerExchange http) {
        return new AsyncWebSocketHttpServerExchange(http, ConcurrentHashMap.newKeySet());
    }
}
