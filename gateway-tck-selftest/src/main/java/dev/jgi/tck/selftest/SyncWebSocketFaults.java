package dev.jgi.tck.selftest;

import dev.jgi.api.Event;
import dev.jgi.api.WebSocketHandshake;
import dev.jgi.api.WebSocketSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Faults of the handshake and session a server offers a sync application [JGI-WS-11] to [JGI-WS-17]. */
final class SyncWebSocketFaults {

    private SyncWebSocketFaults() {}

    /** A refusal upgrades all the same: the server accepts a handshake the application answered with a response. */
    static Fault upgradedDeny() {
        return Fault.ofApps(
                "sync-websocket-deny-upgrades",
                Set.of("JGI-WS-14"),
                app -> Wrap.sync(app, (request, exchange) -> {
                    var response = app.handle(request, exchange);
                    Optional<WebSocketHandshake> handshake = exchange.webSocket();
                    if (handshake.isPresent() && response.status() != 101) {
                        try {
                            handshake.get().accept();
                        } catch (IllegalStateException alreadyAccepted) {
                            // The application accepted itself: nothing to corrupt.
                        }
                    }
                    return response;
                }),
                app -> app);
    }

    /** A second accept returns the first session instead of failing. */
    static Fault secondAcceptAllowed() {
        return onHandshake("sync-websocket-second-accept-allowed", Set.of("JGI-WS-15"), handshake -> {
            WebSocketSession[] first = new WebSocketSession[1];
            return (subprotocol, headers) -> {
                if (first[0] == null) {
                    first[0] = handshake.accept(subprotocol, headers);
                }
                return first[0];
            };
        });
    }

    /** After the close, a receive yields an empty text message instead of the close again. */
    static Fault closeNotRepeated() {
        return onHandshake(
                "sync-websocket-close-not-repeated",
                Set.of("JGI-WS-7", "JGI-WS-16"),
                handshake -> (subprotocol, headers) -> new ForgetfulSession(handshake.accept(subprotocol, headers)));
    }

    private static Fault onHandshake(String name, Set<String> clauses, UnaryOperator<WebSocketHandshake> corrupt) {
        return Fault.ofApps(
                name,
                clauses,
                app -> Wrap.sync(
                        app,
                        (request, exchange) -> app.handle(request, new DelegatingExchange(exchange) {
                            @Override
                            public Optional<WebSocketHandshake> webSocket() {
                                return super.webSocket().map(corrupt);
                            }
                        })),
                app -> app);
    }

    /** Reports the close once, then a message that never came. */
    private static final class ForgetfulSession implements WebSocketSession {
        private final WebSocketSession session;
        private boolean closed;

        ForgetfulSession(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public Event receive() throws IOException {
            if (closed) {
                return new Event.WebSocketText("");
            }
            Event event = session.receive();
            closed = event instanceof Event.WebSocketClose;
            return event;
        }

        @Override
        public void sendText(String text) throws IOException {
            session.sendText(text);
        }

        @Override
        public void sendBinary(ByteBuffer data) throws IOException {
            session.sendBinary(data);
        }

        @Override
        public void close(int code, String reason) throws IOException {
            session.close(code, reason);
        }
    }
}
