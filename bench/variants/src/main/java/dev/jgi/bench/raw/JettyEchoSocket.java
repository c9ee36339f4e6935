package dev.jgi.bench.raw;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Jetty's WebSocket echo: every text message goes straight back. Public: Jetty binds its methods by reflection. */
public final class JettyEchoSocket implements Session.Listener.AutoDemanding {
    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        session.sendText(message, Callback.NOOP);
    }
}
