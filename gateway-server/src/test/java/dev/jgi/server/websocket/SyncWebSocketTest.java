package dev.jgi.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Event;
import dev.jgi.api.Response;
import dev.jgi.api.WebSocketSession;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A sync application's blocking WebSocket session on the reference server [JGI-WS-11]. */
@Timeout(30)
class SyncWebSocketTest {

    private final BlockingQueue<Event> seen = new LinkedBlockingQueue<>();

    /** Echoes text as text and binary as its length until the close, which it records, twice. */
    private final Application echo = (request, exchange) -> {
        WebSocketSession session = exchange.webSocket().orElseThrow().accept();
        for (Event event = session.receive(); ; event = session.receive()) {
            switch (event) {
                case Event.WebSocketText text
                when text.text().equals("bye") -> {
                    session.close(4000, "bye to you");
                    seen.add(session.receive());
                    return Response.empty(101);
                }
                case Event.WebSocketText text
                when text.text().equals("fail") -> throw new IllegalStateException("the application failed on purpose");
                case Event.WebSocketText text
                when text.text().equals("return") -> {
                    return Response.empty(101);
                }
                case Event.WebSocketText text -> session.sendText("echo:" + text.text());
                case Event.WebSocketBinary binary ->
                    session.sendText("binary:" + binary.data().remaining());
                case Event.WebSocketClose close -> {
                    seen.add(close);
                    seen.add(session.receive());
                    return Response.empty(101);
                }
                default -> throw new AssertionError(event);
            }
        }
    };

    @Test
    void syncApplicationEchoesWholeMessagesOverABlockingSession() throws Exception {
        try (GatewayServer server = quiet(echo)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("frag", false).join();
            client.socket.sendText("ment", true).join();
            assertThat(client.next()).isEqualTo(new WsClient.Received.Text("echo:fragment"));
            client.socket.sendBinary(ByteBuffer.allocate(3), false).join();
            client.socket.sendBinary(ByteBuffer.allocate(4), true).join();
            assertThat(client.next()).isEqualTo(new WsClient.Received.Text("binary:7"));
        }
    }

    @Test
    void peersCloseIsAnsweredByTheServerAndReceivedTwice() throws Exception {
        try (GatewayServer server = quiet(echo)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendClose(4001, "done").join();
            assertThat(client.awaitClose().code()).isEqualTo(4001);
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new Event.WebSocketClose(4001, "done"));
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new Event.WebSocketClose(4001, "done"));
        }
    }

    @Test
    void applicationsCloseGetsThePeersAnswer() throws Exception {
        try (GatewayServer server = quiet(echo)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("bye", true).join();
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Received.Close(4000, "bye to you"));
            assertThat(seen.poll(5, TimeUnit.SECONDS)).isInstanceOf(Event.WebSocketClose.class);
        }
    }

    @Test
    void returningWithTheConnectionOpenClosesWith1000AndThrowingWith1011() throws Exception {
        try (GatewayServer server = quiet(echo)) {
            WsClient returning = WsClient.connect(server.port());
            returning.socket.sendText("return", true).join();
            assertThat(returning.awaitClose().code()).isEqualTo(1000);
            WsClient failing = WsClient.connect(server.port());
            failing.socket.sendText("fail", true).join();
            assertThat(failing.awaitClose().code()).isEqualTo(1011);
        }
    }

    @Test
    void aResponseReturnedWithoutAcceptingIsSentAsPlainHttp() throws Exception {
        Application refusing = (request, exchange) -> {
            assertThat(exchange.webSocket()).isPresent();
            return Response.text(403, "not you");
        };
        try (GatewayServer server = quiet(refusing)) {
            assertThatThrownBy(() -> WsClient.connect(server.port()))
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOfSatisfying(WebSocketHandshakeException.class, e -> {
                        assertThat(e.getResponse().statusCode()).isEqualTo(403);
                        assertThat(String.valueOf(e.getResponse().body())).isEqualTo("not you");
                    });
        }
    }

    private static GatewayServer quiet(Application app) {
        GatewayServer server = GatewayServer.builder(app)
                .bind("127.0.0.1", 0)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }
}
