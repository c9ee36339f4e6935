package dev.jgi.kernel.websocket;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A sync application seen as an async one on WebSocket handshakes [JGI-WS-11]. It takes the
 * {@code WebSocketConnect}, calls {@code handle} on a virtual thread with an exchange that offers
 * the handshake, and answers with the accept the application made, or else with a deny carrying
 * the response it returned [JGI-WS-14]. Its stage ends when {@code handle} does, failed when
 * {@code handle} threw, so the server closes an open connection with 1000 or 1011 [JGI-WS-17].
 */
public final class SyncWebSocket implements AsyncApplication {

    private final Application app;

    private SyncWebSocket(Application app) {
        this.app = app;
    }

    /** The async view of {@code app}, for requests of kind {@link Request.Kind#WEBSOCKET} only. */
    public static AsyncApplication of(Application app) {
        return new SyncWebSocket(Objects.requireNonNull(app, "app"));
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        if (request.kind() != Request.Kind.WEBSOCKET) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("[JGI-REQ-9] not a WebSocket handshake: " + request.kind()));
        }
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread.ofVirtual().name("jgi-websocket-sync").start(() -> {
            try {
                run(request, channel);
                ended.complete(null);
            } catch (Exception | Error e) {
                ended.completeExceptionally(e);
            }
        });
        return ended;
    }

    private void run(Request request, Channel channel) throws Exception {
        Event first = Stages.await(channel.receive());
        if (!(first instanceof Event.WebSocketConnect)) {
            throw new IllegalStateException(
                    "[JGI-WS-2] the first event was " + first.getClass().getSimpleName());
        }
        HandshakeExchange exchange = new HandshakeExchange(channel);
        Response response = app.handle(request, exchange);
        exchange.handleReturned();
        if (response == null) {
            throw new IllegalStateException("[JGI-APP-3] handle returned null");
        }
        if (!exchange.accepted()) {
            Stages.await(channel.send(
                    new Action.WebSocketDeny(response.status(), response.headers(), DenyBody.bytes(response.body()))));
        }
    }
}
