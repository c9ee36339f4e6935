package dev.jgi.server.websocket;

import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Request;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the server's request handler hands over WebSocket handshakes [JGI-WS-1], one per server.
 * A sync application comes here wrapped in the kernel's {@code SyncWebSocket} [JGI-WS-11].
 * Keeps the open connections so that shutdown can close them with 1001.
 *
 * <p>How an exchange ends [JGI-ASYNC-7]: if the application's stage completes before it answered
 * the connect, the client gets 500 [JGI-ERR-6]; if it completes while the connection is open, the
 * server closes it with 1000, or 1011 when the stage failed [JGI-ERR-5]. WebSocket runs over
 * HTTP/1.1 only (RFC 8441 over HTTP/2 is not offered), without compression extensions.
 */
public final class WebSocketUpgrade {

    private final WebSocketSettings settings;
    private final Set<WebSocketExchange> open = ConcurrentHashMap.newKeySet();
    private final dev.jgi.kernel.hooks.Drain drains = new dev.jgi.kernel.hooks.Drain();

    public WebSocketUpgrade(WebSocketSettings settings) {
        this.settings = settings;
    }

    /** Whether this request is a WebSocket opening handshake the server can complete. */
    public static boolean isHandshake(HttpServerExchange http) {
        return Handshakes.isHandshake(http);
    }

    /** The request as a WebSocket handshake: the same head, of kind {@link Request.Kind#WEBSOCKET}. */
    public static Request asHandshake(Request http) {
        return http.toBuilder().kind(Request.Kind.WEBSOCKET).build();
    }

    /**
     * Runs the application for this handshake. Call it from the handler, on the exchange's I/O
     * thread or a worker; the exchange stays open after the handler returns.
     *
     * @param request the request head, of kind {@link Request.Kind#WEBSOCKET}
     */
    public void serve(HttpServerExchange http, Request request, AsyncApplication app) {
        if (request.kind() != Request.Kind.WEBSOCKET) {
            throw new IllegalArgumentException("[JGI-REQ-9] not a WebSocket request: " + request.kind());
        }
        WebSocketExchange[] self = new WebSocketExchange[1];
        self[0] = new WebSocketExchange(http, settings, () -> {
            open.remove(self[0]);
            drains.leave(self[0].drain);
        });
        open.add(self[0]);
        drains.join(self[0].drain);
        http.dispatch(SameThreadExecutor.INSTANCE, () -> self[0].run(app, request));
    }

    /** A graceful shutdown begins: the drain callbacks of the open connections run [JGI-LIFE-9]. */
    public void beginDrain() {
        drains.begin();
    }

    /**
     * Closes every open connection with 1001 (going away) and waits, at most {@code patience},
     * for the peers to answer; for a graceful shutdown.
     */
    public void goingAway(Duration patience) {
        open.forEach(WebSocketExchange::goingAway);
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
