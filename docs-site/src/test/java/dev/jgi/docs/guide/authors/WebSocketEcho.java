package dev.jgi.docs.guide.authors;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.WebSocketHandshake;
import dev.jgi.api.WebSocketSession;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A WebSocket echo: text back as text, until the client closes; a plain request gets 426. */
final class WebSocketEcho {

    private WebSocketEcho() {}

    static Application sync() {
        // #region ws-sync
        Application echo = (request, exchange) -> {
            Optional<WebSocketHandshake> handshake = exchange.webSocket();
            if (handshake.isEmpty()) {
                return Response.text(426, "WebSocket only\n").withHeader("upgrade", "websocket");
            }
            WebSocketSession session = handshake.get().accept();
            for (Event event = session.receive(); !(event instanceof Event.WebSocketClose); ) {
                if (event instanceof Event.WebSocketText text) {
                    session.sendText(text.text());
                }
                event = session.receive();
            }
            return Response.empty(101);
        };
        // #endregion ws-sync
        return echo;
    }

    static AsyncApplication async() {
        // #region ws-async
        AsyncApplication echo = (request, channel) -> {
            if (request.kind() != Request.Kind.WEBSOCKET) {
                return channel.send(new Action.ResponseStart(426, Headers.of("upgrade", "websocket"), false))
                        .thenCompose(started -> channel.send(new Action.ResponseBody(ByteBuffer.allocate(0), false)));
            }
            return channel.receive()
                    .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                    .thenCompose(accepted -> echoUntilClosed(channel));
        };
        // #endregion ws-async
        return echo;
    }

    // #region ws-async-helpers
    private static CompletionStage<Void> echoUntilClosed(Channel channel) {
        return channel.receive().thenCompose(event -> switch (event) {
            case Event.WebSocketText text ->
                channel.send(new Action.WebSocketSendText(text.text())).thenCompose(sent -> echoUntilClosed(channel));
            case Event.WebSocketClose close -> CompletableFuture.completedFuture(null);
            default -> echoUntilClosed(channel);
        });
    }
    // #endregion ws-async-helpers
}
