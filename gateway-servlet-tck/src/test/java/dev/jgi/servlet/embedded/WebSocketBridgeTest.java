package dev.jgi.servlet.embedded;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import dev.jgi.servlet.JgiServlet;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WebSocket through Jakarta WebSocket, on each container, with the JDK's WebSocket client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSocketBridgeTest {

    /** Echoes text in upper case and binary reversed; denies /deny; records the close it saw. */
    private static final class Echo implements AsyncApplication {
        volatile ServerInfo info;
        final List<String> closes = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, Object> start(ServerInfo server) {
            info = server;
            return Map.of();
        }

        @Override
        public CompletionStage<Void> handle(Request request, Channel channel) {
            if (request.kind() != Request.Kind.WEBSOCKET) {
                return channel.send(new Action.ResponseStart(200, Headers.of(), false))
                        .thenCompose(s -> channel.send(new Action.ResponseBody(
                                ByteBuffer.wrap("plain".getBytes(StandardCharsets.US_ASCII)), false)));
            }
            return channel.receive()
                    .thenCompose(connect -> request.path().equals("/deny")
                            ? channel.send(new Action.WebSocketDeny(
                                    403,
                                    Headers.of("x-why", "closed"),
                                    ByteBuffer.wrap("no".getBytes(StandardCharsets.US_ASCII))))
                            : channel.send(new Action.WebSocketAccept(
                                            Optional.of("chat"), Headers.of("x-accepted", "yes")))
                                    .thenCompose(accepted -> loop(channel)));
        }

        private CompletionStage<Void> loop(Channel channel) {
            return channel.receive().thenCompose(event -> switch (event) {
                case Event.WebSocketText text ->
                    channel.send(new Action.WebSocketSendText(text.text().toUpperCase(Locale.ROOT)))
                            .thenCompose(s -> loop(channel));
                case Event.WebSocketBinary binary -> {
                    byte[] bytes = new byte[binary.data().remaining()];
                    binary.data().get(bytes);
                    byte[] reversed = new StringBuilder(new String(bytes, StandardCharsets.ISO_8859_1))
                            .reverse()
                            .toString()
                            .getBytes(StandardCharsets.ISO_8859_1);
                    yield channel.send(new Action.WebSocketSendBinary(ByteBuffer.wrap(reversed)))
                            .thenCompose(s -> loop(channel));
                }
                case Event.WebSocketClose close -> {
                    closes.add(close.code() + " " + close.reason());
                    yield CompletableFuture.completedFuture(null);
                }
                default -> CompletableFuture.completedFuture(null);
            });
        }
    }

    /** Collects what the client receives. */
    private static final class Listener implements WebSocket.Listener {
        final List<String> received = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            received.add("text " + data);
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.add("binary " + new String(bytes, StandardCharsets.ISO_8859_1));
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
    void theBridgeDeclaresWebSocketForAnAsyncApplication(Container container) {
        assertThat(containers.app(container).info.capabilities()).contains(Capability.WEBSOCKET, Capability.TRAILERS);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void messagesTravelBothWaysWithTheAcceptedSubprotocolAndTheCloseArrivesOnce(Container container) throws Exception {
        Listener listener = new Listener();
        try (HttpClient client = HttpClient.newHttpClient()) {
            WebSocket socket = client.newWebSocketBuilder()
                    .subprotocols("chat", "other")
                    .buildAsync(uri(container, "/ws/room"), listener)
                    .get(5, TimeUnit.SECONDS);
            assertThat(socket.getSubprotocol()).isEqualTo("chat");
            socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
            socket.sendBinary(ByteBuffer.wrap("abc".getBytes(StandardCharsets.ISO_8859_1)), true)
                    .get(5, TimeUnit.SECONDS);
            eventually(() -> assertThat(listener.received).hasSizeGreaterThanOrEqualTo(2));
            socket.sendClose(4000, "bye").get(5, TimeUnit.SECONDS);
            listener.closed.get(5, TimeUnit.SECONDS);
        }
        eventually(() -> assertThat(containers.app(container).closes).isNotEmpty());

        assertThat(listener.received).containsExactly("text HELLO", "binary cba");
        assertThat(containers.app(container).closes).contains("4000 bye");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aDeniedHandshakeIsAnOrdinaryResponse(Container container) throws Exception {
        RawResponse reply = RawHttp.exchange(
                containers.at(container),
                "GET /ws/deny HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.header("x-why")).contains("closed");
        assertThat(reply.bodyText()).isEqualTo("no");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aPlainRequestStillReachesTheApplicationAsHttp(Container container) throws Exception {
        assertThat(RawHttp.get(containers.at(container), "/ws/page").bodyText()).isEqualTo("plain");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aMessageOverTheLimitClosesTheConnectionWith1009(Container container) throws Exception {
        Listener listener = new Listener();
        try (HttpClient client = HttpClient.newHttpClient()) {
            WebSocket socket = client.newWebSocketBuilder()
                    .subprotocols("chat")
                    .buildAsync(uri(container, "/ws/big"), listener)
                    .get(5, TimeUnit.SECONDS);
            socket.sendText("x".repeat(JgiServlet.DEFAULT_WEBSOCKET_LIMIT + 1), true)
                    .get(5, TimeUnit.SECONDS);

            assertThat(listener.closed.get(5, TimeUnit.SECONDS)).startsWith("1009");
        }
    }
}
