package dev.jgi.servlet.embedded;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Capability;
import dev.jgi.api.Event;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.api.WebSocketHandshake;
import dev.jgi.api.WebSocketSession;
import dev.jgi.servlet.JgiServlet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A sync application's blocking WebSocket session through the bridge, on each container [JGI-WS-11]. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncWebSocketBridgeTest {

    /** Echoes text in upper case until the close, which it records; refuses /deny with 403. */
    private static final class Echo implements Application {
        volatile ServerInfo info;
        final List<String> closes = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> start(ServerInfo server) {
            info = server;
            return Map.of();
        }

        @Override
        public Response handle(Request request, Exchange exchange) throws Exception {
            Optional<WebSocketHandshake> handshake = exchange.webSocket();
            if (handshake.isEmpty() || request.path().equals("/deny")) {
                return Response.text(403, "no");
            }
            WebSocketSession session = handshake.get().accept();
            for (Event event = session.receive(); ; event = session.receive()) {
                if (event instanceof Event.WebSocketText text) {
                    session.sendText(text.text().toUpperCase(java.util.Locale.ROOT));
                } else if (event instanceof Event.WebSocketClose close) {
                    closes.add(close.code() + " " + close.reason());
                    return Response.empty(101);
                }
            }
        }
    }

    /** Collects the texts and the close the client receives. */
    private static final class Listener implements WebSocket.Listener {
        final List<String> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            received.add(data.toString());
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(code + " " + reason);
            return null;
        }
    }

    @RegisterExtension
    final EachContainer<Echo> containers = new EachContainer<>(Echo::new, JgiServlet::new, "/ws");

    private URI uri(Container container, String path) {
        return URI.create("ws://127.0.0.1:" + containers.at(container).getPort() + path);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aSyncApplicationTalksThroughABlockingSession(Container container) throws Exception {
        assertThat(containers.app(container).info.capabilities()).contains(Capability.WEBSOCKET);
        Listener listener = new Listener();
        try (HttpClient client = HttpClient.newHttpClient()) {
            WebSocket socket = client.newWebSocketBuilder()
                    .buildAsync(uri(container, "/ws/room"), listener)
                    .get(5, TimeUnit.SECONDS);
            socket.sendText("hel", false).get(5, TimeUnit.SECONDS);
            socket.sendText("lo", true).get(5, TimeUnit.SECONDS);
            // The echo first: a container may answer the peer's close itself before the app's send.
            eventually(() -> assertThat(listener.received).containsExactly("HELLO"));
            socket.sendClose(4000, "bye").get(5, TimeUnit.SECONDS);
            // The peer's answer is the container's (one reports 1006 to the JDK client, as for async apps).
            listener.closed.get(5, TimeUnit.SECONDS);
        }
        assertThat(listener.received).containsExactly("HELLO");
        eventually(
                Duration.ofSeconds(5),
                () -> assertThat(containers.app(container).closes).contains("4000 bye"));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aResponseReturnedWithoutAcceptingRefusesTheHandshake(Container container) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> client.newWebSocketBuilder()
                            .buildAsync(uri(container, "/ws/deny"), new Listener())
                            .get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(
                            WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
        }
    }
}
