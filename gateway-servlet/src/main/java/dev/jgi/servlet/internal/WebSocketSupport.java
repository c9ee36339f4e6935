package dev.jgi.servlet.internal;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether the container offers Jakarta WebSocket, and whether a request is a handshake. This class
 * names no WebSocket type, so the bridge loads in containers without the WebSocket API.
 */
public final class WebSocketSupport {

    /** Where Jakarta WebSocket puts its server container, by its specification. */
    static final String CONTAINER_ATTRIBUTE = "jakarta.websocket.server.ServerContainer";

    private WebSocketSupport() {}

    /** Whether {@link WebSocketCall} can upgrade requests in this context. */
    public static boolean available(ServletContext context) {
        try {
            Class.forName("jakarta.websocket.server.ServerContainer", false, WebSocketSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
        return WebSocketCall.hasContainer(context.getAttribute(CONTAINER_ATTRIBUTE));
    }

    /** An RFC 6455 opening handshake: a GET asking to upgrade to websocket, version 13, with a key. */
    public static boolean isHandshake(HttpServletRequest request) {
        return request.getMethod().equals("GET")
                && contains(request.getHeader("upgrade"), "websocket")
                && contains(request.getHeader("connection"), "upgrade")
                && request.getHeader("sec-websocket-key") != null
                && "13".equals(request.getHeader("sec-websocket-version"));
    }

    private static boolean contains(String list, String token) {
        if (list == null) {
            return false;
        }
        for (String item : list.split(",", -1)) {
            if (item.strip().toLowerCase(Locale.ROOT).equals(token)) {
                return true;
            }
        }
        return false;
    }
}
