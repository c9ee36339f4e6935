package dev.jgi.servlet.internal;

import dev.jgi.api.Action;
import dev.jgi.api.Event;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's endpoint for one connection: its callbacks become the exchange's events. Public
 * only because Jetty refuses endpoint classes that are not; the package is not exported.
 */
public final class WebSocketEndpoint extends Endpoint {

    private final WebSocketCall call;
    private final int maxMessage;

    WebSocketEndpoint(WebSocketCall call, int maxMessage) {
        this.call = call;
        this.maxMessage = maxMessage;
    }

    /** The configuration of one upgrade: this instance, the accepted subprotocol, the extra fields. */
    static ServerEndpointConfig config(WebSocketEndpoint endpoint, Action.WebSocketAccept accept) {
        String subprotocol = accept.subprotocol().orElse("");
        return ServerEndpointConfig.Builder.create(WebSocketEndpoint.class, "/")
                .subprotocols(subprotocol.isEmpty() ? List.of() : List.of(subprotocol))
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(endpoint);
                    }

                    @Override
                    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
                        return subprotocol;
                    }

                    @Override
                    public List<Extension> getNegotiatedExtensions(
                            List<Extension> installed, List<Extension> requested) {
                        return List.of();
                    }

                    @Override
                    public boolean checkOrigin(String origin) {
                        return true;
                    }

                    @Override
                    public void modifyHandshake(
                            ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
                        accept.headers()
                                .forEach((name, value) -> response.getHeaders()
                                        .computeIfAbsent(name, n -> new ArrayList<>())
                                        .add(value));
                    }
                })
                .build();
    }

    /** Messages arrive whole [JGI-WS-5]; the container closes with 1009 past the limit [JGI-WS-9]. */
    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(maxMessage);
        session.setMaxBinaryMessageBufferSize(maxMessage);
        session.addMessageHandler(
                String.class, (MessageHandler.Whole<String>) text -> call.arrived(new Event.WebSocketText(text)));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) data -> {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            call.arrived(new Event.WebSocketBinary(copy));
        });
        call.opened(session);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        call.closedWith(reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }

    @Override
    public void onError(Session session, Throwable failure) {
        // The container follows an error with onClose (1006 or its own code), which reports it.
    }
}
