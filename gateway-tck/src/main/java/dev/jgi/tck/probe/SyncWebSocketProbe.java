package dev.jgi.tck.probe;

import dev.jgi.api.Event;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.WebSocketHandshake;
import dev.jgi.api.WebSocketSession;
import java.io.IOException;

/**
 * The sync probe's WebSocket side, through {@link Exchange#webSocket()}. {@code /_tck/ws-deny}
 * returns 403 without accepting; any other path accepts, records whether a second accept failed,
 * greets with {@code hello kind=... sync}, and echoes text as {@code echo:TEXT} and binary as
 * {@code binary:LENGTH}. The text {@code return} ends {@code handle} with a 200 that must not be
 * sent, {@code fail} makes it throw, {@code close:CODE} closes with that code; the close events are
 * recorded under the path's key, with one more receive after the close.
 */
final class SyncWebSocketProbe {

    private SyncWebSocketProbe() {}

    static Response handle(Request request, Exchange exchange, ProbeState state) throws IOException {
        Route route = Route.of(request.path());
        String key = route.argument();
        WebSocketHandshake handshake = exchange.webSocket().orElseThrow();
        if (route.name().equals("ws-deny")) {
            return Response.text(403, "denied").withHeader("x-denied", "yes");
        }
        WebSocketSession session = handshake.accept();
        try {
            handshake.accept();
            state.record(key, "second accept returned");
        } catch (IllegalStateException expected) {
            state.record(key, "second accept failed");
        }
        session.sendText("hello kind=" + request.kind() + " sync");
        for (Event event = session.receive(); ; event = session.receive()) {
            switch (event) {
                case Event.WebSocketText text
                when text.text().equals("return") -> {
                    return Response.text(200, "not sent after an accept");
                }
                case Event.WebSocketText text
                when text.text().equals("fail") ->
                    throw new IllegalStateException("the sync WebSocket probe fails on request");
                case Event.WebSocketText text
                when text.text().startsWith("close:") ->
                    session.close(Integer.parseInt(text.text().substring("close:".length())), "probe");
                case Event.WebSocketText text -> session.sendText("echo:" + text.text());
                case Event.WebSocketBinary binary ->
                    session.sendText("binary:" + binary.data().remaining());
                case Event.WebSocketClose close -> {
                    state.record(key, "close code=" + close.code() + " reason=" + close.reason());
                    Event again = session.receive();
                    state.record(
                            key,
                            again instanceof Event.WebSocketClose c
                                    ? "close code=" + c.code() + " reason=" + c.reason()
                                    : "then " + again.getClass().getSimpleName());
                    return Response.empty(101);
                }
                default -> state.record(key, "unexpected " + event.getClass().getSimpleName());
            }
        }
    }
}
