package dev.jgi.validator;

import dev.jgi.api.Action;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.WebSocketHandshake;
import dev.jgi.api.WebSocketSession;
import dev.jgi.kernel.order.WebSocketActionOrder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * A sync application's WebSocket handshake and session through the validator: what the
 * application does is checked by the kernel's order as an async application's actions are
 * [JGI-WS-3] [JGI-WS-8] [JGI-WS-12] [JGI-WS-13], and a send after the peer's close is reported
 * [JGI-WS-12]. Reported calls still reach the server, which refuses them itself.
 */
final class CheckedWebSocket implements WebSocketHandshake {

    private final WebSocketHandshake handshake;
    private final WebSocketActionOrder order;
    private final Reporter reporter;
    private volatile boolean accepted;

    CheckedWebSocket(WebSocketHandshake handshake, Request request, Reporter reporter) {
        this.handshake = handshake;
        this.order = new WebSocketActionOrder(request);
        this.reporter = reporter;
    }

    boolean accepted() {
        return accepted;
    }

    @Override
    public WebSocketSession accept(Optional<String> subprotocol, Headers headers) throws IOException {
        check(new Action.WebSocketAccept(subprotocol, headers));
        WebSocketSession session = handshake.accept(subprotocol, headers);
        accepted = true;
        return new Session(session);
    }

    private void check(Action action) {
        order.check(action)
                .ifPresent(breach -> reporter.report(Violation.byApplication(breach.clause(), breach.reason())));
    }

    /** The session, with the close it received remembered for JGI-WS-12. */
    private final class Session implements WebSocketSession {
        private final WebSocketSession session;
        private volatile boolean closeReceived;

        Session(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public Event receive() throws IOException {
            Event event = session.receive();
            if (event instanceof Event.WebSocketClose) {
                closeReceived = true;
            }
            return event;
        }

        @Override
        public void sendText(String text) throws IOException {
            sending(new Action.WebSocketSendText(text));
            session.sendText(text);
        }

        @Override
        public void sendBinary(ByteBuffer data) throws IOException {
            sending(new Action.WebSocketSendBinary(data));
            session.sendBinary(data);
        }

        @Override
        public void close(int code, String reason) throws IOException {
            if (!closeReceived) {
                check(new Action.WebSocketClose(code, reason));
            }
            session.close(code, reason);
        }

        private void sending(Action message) {
            if (closeReceived) {
                reporter.report(Violation.byApplication("JGI-WS-12", "a message sent after the close was received"));
            } else {
                check(message);
            }
        }
    }
}
