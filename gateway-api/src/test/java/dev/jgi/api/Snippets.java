package dev.jgi.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The code examples the javadoc shows; compiled with the tests so they cannot rot. */
final class Snippets {

    private Snippets() {}

    static Application hello() {
        // @start region="hello"
        Application app = (request, exchange) -> Response.text(200, "Hello, " + request.path());
        // @end
        return app;
    }

    static AsyncApplication helloAsync() {
        // @start region="hello-async"
        AsyncApplication app = (request, channel) -> {
            ByteBuffer body = ByteBuffer.wrap("Hello, async".getBytes(StandardCharsets.UTF_8));
            return channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                    .thenCompose(sent -> channel.send(new Action.ResponseBody(body, false)));
        };
        // @end
        return app;
    }

    static Application timed(Application app) {
        // @start region="middleware"
        Middleware timing = (request, exchange, next) -> {
            long started = System.nanoTime();
            Response response = next.handle(request, exchange);
            return response.withHeader("server-timing", "app;dur=" + (System.nanoTime() - started) / 1_000_000.0);
        };
        Application wrapped = timing.wrap(app);
        // @end
        return wrapped;
    }

    static Application webSocketEcho() {
        // @start region="sync-websocket"
        Application app = (request, exchange) -> {
            Optional<WebSocketHandshake> handshake = exchange.webSocket();
            if (handshake.isEmpty()) {
                return Response.text(426, "WebSocket only").withHeader("upgrade", "websocket");
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
        // @end
        return app;
    }
}
