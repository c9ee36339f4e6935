package dev.jgi.tck.selftest;

import dev.jgi.api.Request;
import java.util.List;
import java.util.Set;

/** Faults of the async channel on WebSocket connections, and of the handshake itself [JGI-WS-*]. */
final class WebSocketFaults {

    private WebSocketFaults() {}

    static List<Fault> all() {
        return List.of(
                Fault.ofApps(
                        "websocket-close-not-repeated",
                        Set.of("JGI-WS-7"),
                        app -> app,
                        app -> Wrap.async(
                                app, (request, channel) -> app.handle(request, new ClosingOnceChannel(channel)))),
                Fault.ofApps(
                        "websocket-send-completes-early",
                        Set.of("JGI-WS-10", "JGI-STREAM-2"),
                        app -> app,
                        app -> Wrap.async(
                                app,
                                (request, channel) -> app.handle(
                                        request,
                                        request.kind() == Request.Kind.WEBSOCKET
                                                ? new EagerSendChannel(channel)
                                                : channel))),
                Wrap.request(
                        "websocket-handshake-as-http",
                        Set.of(
                                "JGI-WS-1",
                                "JGI-WS-2",
                                "JGI-WS-4",
                                "JGI-WS-5",
                                "JGI-WS-6",
                                "JGI-WS-7",
                                "JGI-WS-9",
                                "JGI-WS-10",
                                "JGI-WS-11",
                                "JGI-WS-14",
                                "JGI-WS-15",
                                "JGI-WS-16",
                                "JGI-WS-17",
                                "JGI-WS-18",
                                "JGI-REQ-9"),
                        r -> r.toBuilder().kind(Request.Kind.HTTP).build()),
                SyncWebSocketFaults.upgradedDeny(),
                SyncWebSocketFaults.secondAcceptAllowed(),
                SyncWebSocketFaults.closeNotRepeated());
    }
}
