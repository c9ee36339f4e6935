package dev.jgi.validator;

import dev.jgi.api.Event;

/**
 * The order the server must deliver events in: for HTTP, body pieces up to the last
 * [JGI-ASYNC-2] then only {@code Disconnect} [JGI-DISC-3]; for WebSocket, the connect first
 * [JGI-WS-2] and nothing but the close after the close [JGI-WS-7].
 */
final class EventOrder {

    private final boolean websocket;
    private final Reporter reporter;
    private boolean lastBody;
    private boolean disconnected;
    private boolean connected;
    private boolean closed;

    EventOrder(boolean websocket, Reporter reporter) {
        this.websocket = websocket;
        this.reporter = reporter;
    }

    /** Whether the application was told the client is gone: it may then end without answering. */
    synchronized boolean clientGone() {
        return disconnected || closed;
    }

    synchronized void check(Event event) {
        if (event == null) {
            reporter.report(Violation.byServer("JGI-ASYNC-1", "a receive completed with null"));
        } else if (websocket) {
            checkWebSocket(event);
        } else {
            checkHttp(event);
        }
    }

    private void checkHttp(Event event) {
        switch (event) {
            case Event.RequestBody piece -> {
                if (disconnected) {
                    server("JGI-DISC-3", "a RequestBody after Disconnect");
                } else if (lastBody) {
                    server("JGI-ASYNC-2", "a RequestBody after the one marked last");
                }
                lastBody |= piece.last();
            }
            case Event.Disconnect disconnect -> disconnected = true;
            default -> server("JGI-ASYNC-2", event.getClass().getSimpleName() + " on an HTTP exchange");
        }
    }

    private void checkWebSocket(Event event) {
        if (!connected) {
            connected = true;
            if (!(event instanceof Event.WebSocketConnect)) {
                server("JGI-WS-2", "the first event is " + event.getClass().getSimpleName() + ", not WebSocketConnect");
            }
            return;
        }
        if (closed && !(event instanceof Event.WebSocketClose)) {
            server("JGI-WS-7", event.getClass().getSimpleName() + " after WebSocketClose");
        }
        switch (event) {
            case Event.WebSocketConnect connect -> server("JGI-WS-2", "a second WebSocketConnect");
            case Event.WebSocketClose close -> closed = true;
            case Event.WebSocketText text -> {}
            case Event.WebSocketBinary binary -> {}
            default -> server("JGI-WS-2", event.getClass().getSimpleName() + " on a WebSocket exchange");
        }
    }

    private void server(String clause, String message) {
        reporter.report(Violation.byServer(clause, message));
    }
}
