package dev.jgi.server.websocket;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket exchange over real sockets, driven by the JDK's WebSocket client. */
@Timeout(30)
class WebSocketExchangeTest {

    private static final WebSocketSettings SETTINGS = WebSocketSettings.defaults();

    @Test
    void textAndBinaryMessagesArriveWholeAndEchoBack() throws Exception {
        Apps app = Apps.echo();
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("héllo", true).join();
            assertThat(client.next()).isEqualTo(new WsClient.Received.Text("héllo"));
            client.socket
                    .sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true)
                    .join();
            assertThat(((WsClient.Received.Binary) client.next()).data()).containsExactly(1, 2, 3);
            assertThat(app.events.take()).isInstanceOf(Event.WebSocketConnect.class);
            assertThat(app.events.take()).isEqualTo(new Event.WebSocketText("héllo"));
            assertThat(app.events.take()).isInstanceOf(Event.WebSocketBinary.class);
        }
    }

    @Test
    void fragmentedMessagesAreReassembled() throws Exception {
        Apps app = Apps.echo();
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("frag", false).join();
            client.socket.sendText("men", false).join();
            client.socket.sendText("ted", true).join();
            assertThat(client.next()).isEqualTo(new WsClient.Received.Text("fragmented"));
            app.events.take();
            assertThat(app.events.take()).isEqualTo(new Event.WebSocketText("fragmented"));
        }
    }

    @Test
    void pingIsAnsweredByTheServerAndNeverReachesTheApplication() throws Exception {
        Apps app = Apps.echo();
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            client.socket
                    .sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)))
                    .join();
            assertThat(((WsClient.Received.Pong) client.next()).data())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("are you there");
            client.socket.sendText("after", true).join();
            client.next();
            assertThat(app.events.take()).isInstanceOf(Event.WebSocketConnect.class);
            assertThat(app.events.take()).isEqualTo(new Event.WebSocketText("after"));
        }
    }

    @Test
    void clientCloseCodeAndReasonReachTheApplicationAndAreEchoed() throws Exception {
        Apps app = Apps.echo();
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendClose(4000, "bye").join();
            assertThat(client.awaitClose().code()).isEqualTo(4000);
            app.events.take();
            assertThat(app.events.take()).isEqualTo(new Event.WebSocketClose(4000, "bye"));
            Completion completion = app.completions.poll(10, TimeUnit.SECONDS);
            assertThat(completion).isNotNull();
            assertThat(completion.status()).isEqualTo(101);
            assertThat(completion.error()).isEmpty();
        }
    }

    @Test
    void applicationCloseCodeAndReasonReachTheClient() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                .thenCompose(accepted -> channel.send(new Action.WebSocketClose(4001, "server says bye")))
                .thenCompose(closed -> channel.receive())
                .thenAccept(event -> assertThat(event).isInstanceOf(Event.WebSocketClose.class));
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            assertThat(client.awaitClose()).isEqualTo(new WsClient.Received.Close(4001, "server says bye"));
        }
    }

    @Test
    void droppedConnectionIsDeliveredOnceAs1006AndRepeatedOnLaterReceives() throws Exception {
        Apps app = Apps.echo();
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("x", true).join();
            client.next();
            client.socket.abort();
            app.events.take();
            app.events.take();
            assertThat(app.events.poll(10, TimeUnit.SECONDS)).isEqualTo(new Event.WebSocketClose(1006, ""));
            Completion completion = app.completions.poll(10, TimeUnit.SECONDS);
            assertThat(completion.error()).isPresent();
            var channel = app.channels.take();
            assertThat(channel.receive().toCompletableFuture().join()).isEqualTo(new Event.WebSocketClose(1006, ""));
            assertThat(channel.receive().toCompletableFuture().join()).isEqualTo(new Event.WebSocketClose(1006, ""));
            assertThatThrownBy(() -> channel.send(new Action.WebSocketSendText("late"))
                            .toCompletableFuture()
                            .join())
                    .hasCauseInstanceOf(dev.jgi.api.ClientDisconnectedException.class);
            assertThat(app.completions.poll(200, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void messageOverTheLimitClosesWith1009() throws Exception {
        Apps app = Apps.echo();
        try (RawServer server = new RawServer(app, SETTINGS.withMaxMessageSize(1024))) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("a".repeat(1024), true).join();
            assertThat(client.next()).isEqualTo(new WsClient.Received.Text("a".repeat(1024)));
            client.socket.sendBinary(ByteBuffer.allocate(64 * 1024), true).join();
            assertThat(client.awaitClose().code()).isEqualTo(1009);
            app.events.take();
            app.events.take();
            Event close = app.events.poll(10, TimeUnit.SECONDS);
            assertThat(close).isInstanceOf(Event.WebSocketClose.class);
        }
    }

    @Test
    void acceptNamesASubprotocolTheClientOffered() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.of("v2.chat"), Headers.of())))
                .thenCompose(accepted -> channel.receive())
                .thenAccept(close -> {});
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port(), "v1.chat", "v2.chat");
            assertThat(client.socket.getSubprotocol()).isEqualTo("v2.chat");
            client.socket.sendClose(1000, "").join();
            client.awaitClose();
        }
    }

    @Test
    void subprotocolTheClientDidNotOfferIsRefused() throws Exception {
        BlockingQueue<Throwable> refusals = new LinkedBlockingQueue<>();
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.of("v3.chat"), Headers.of())))
                .handle((ok, refused) -> {
                    refusals.add(refused);
                    return null;
                })
                .thenCompose(ignored -> channel.send(new Action.WebSocketDeny(
                        409, Headers.of(), ByteBuffer.wrap("no such subprotocol".getBytes(StandardCharsets.UTF_8)))));
        try (RawServer server = new RawServer(app, SETTINGS)) {
            assertThatThrownBy(() -> WsClient.connect(server.port(), "v1.chat"))
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e)
                                    .getResponse()
                                    .statusCode())
                            .isEqualTo(409));
            assertThat(refusals.take())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("[JGI-WS-3]");
        }
    }

    @Test
    void denyIsSentAsAnOrdinaryHttpResponse() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketDeny(
                        403,
                        Headers.of("x-why", "members only"),
                        ByteBuffer.wrap("go away".getBytes(StandardCharsets.UTF_8)))));
        try (RawServer server = new RawServer(app, SETTINGS)) {
            RawResponse response = rawHandshake(server.port(), "");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.header("x-why")).contains("members only");
            assertThat(response.headers("upgrade")).isEmpty();
            assertThat(response.bodyText()).isEqualTo("go away");
        }
    }

    @Test
    void acceptSendsTheExtraHeadersWithThe101() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(
                        Optional.empty(), Headers.of("set-cookie", "session=1", "x-server", "jgi"))))
                .thenCompose(accepted -> channel.receive())
                .thenAccept(close -> {});
        try (RawServer server = new RawServer(app, SETTINGS)) {
            RawResponse response = rawHandshake(server.port(), "");
            assertThat(response.status()).isEqualTo(101);
            assertThat(response.headers("set-cookie")).contains("session=1");
            assertThat(response.header("x-server")).contains("jgi");
            assertThat(response.header("sec-websocket-accept")).contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }
    }

    @Test
    void messageBeforeAcceptIsRefusedAndSendsNothing() throws Exception {
        BlockingQueue<Throwable> refusals = new LinkedBlockingQueue<>();
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketSendText("too early")))
                .handle((ok, refused) -> {
                    refusals.add(refused);
                    return null;
                })
                .thenCompose(ignored -> channel.send(new Action.ResponseStart(200, Headers.of(), false)))
                .handle((ok, refused) -> {
                    refusals.add(refused);
                    return null;
                })
                .thenCompose(
                        ignored -> channel.send(new Action.WebSocketDeny(403, Headers.of(), ByteBuffer.allocate(0))));
        try (RawServer server = new RawServer(app, SETTINGS)) {
            assertThat(rawHandshake(server.port(), "").status()).isEqualTo(403);
            assertThat(refusals.take()).cause().hasMessageContaining("[JGI-WS-12]");
            assertThat(refusals.take()).cause().hasMessageContaining("[JGI-ASYNC-5]");
        }
    }

    @Test
    void clientLeavingDuringTheHandshakeEndsTheExchangeWith1006() throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        CompletableFuture<Void> clientGone = new CompletableFuture<>();
        CompletableFuture<Event> after = new CompletableFuture<>();
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> {
                    connected.complete(null);
                    return clientGone;
                })
                .thenCompose(gone -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                .handle((accepted, refused) -> null)
                .thenCompose(answered -> channel.receive())
                .thenAccept(after::complete);
        try (RawServer server = new RawServer(app, SETTINGS)) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream()
                        .write(("GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                connected.get(10, TimeUnit.SECONDS);
            }
            clientGone.complete(null);
            assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo(new Event.WebSocketClose(1006, ""));
        }
    }

    @Test
    void applicationEndingWithoutAnAnswerGets500() throws Exception {
        AsyncApplication app = (request, channel) -> CompletableFuture.completedFuture(null);
        try (RawServer server = new RawServer(app, SETTINGS)) {
            assertThat(rawHandshake(server.port(), "").status()).isEqualTo(500);
        }
    }

    @Test
    void applicationFailureAfterAcceptClosesWith1011() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                .thenCompose(accepted -> channel.receive())
                .thenAccept(message -> {
                    throw new IllegalStateException("boom");
                });
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("trigger", true).join();
            assertThat(client.awaitClose().code()).isEqualTo(1011);
        }
    }

    @Test
    void sendsWaitForASlowClientInsteadOfBuffering() throws Exception {
        AtomicInteger completedSends = new AtomicInteger();
        ByteBuffer megabyte = ByteBuffer.allocate(1024 * 1024);
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                .thenCompose(accepted -> flood(channel, megabyte, completedSends, 200));
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connectWithoutReading(server.port());
            Thread.sleep(1500);
            int stalledAt = completedSends.get();
            assertThat(stalledAt)
                    .as("sends completed while the client read nothing")
                    .isLessThan(40);
            Thread.sleep(500);
            assertThat(completedSends.get()).isEqualTo(stalledAt);
            client.socket.request(Long.MAX_VALUE);
            for (int i = 0; i < 200; i++) {
                client.next();
            }
            assertThat(completedSends.get()).isEqualTo(200);
        }
    }

    @Test
    void serverStopsReadingWhileTheApplicationDoesNotReceive() throws Exception {
        CompletableFuture<Void> startReceiving = new CompletableFuture<>();
        AtomicInteger received = new AtomicInteger();
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                .thenCompose(accepted -> startReceiving)
                .thenCompose(go -> drain(channel, received));
        try (RawServer server = new RawServer(app, SETTINGS)) {
            WsClient client = WsClient.connect(server.port());
            ByteBuffer message = ByteBuffer.allocate(256 * 1024);
            int sent = 0;
            CompletableFuture<?> last = CompletableFuture.completedFuture(null);
            while (sent < 400) {
                last = client.socket.sendBinary(message.duplicate(), true);
                try {
                    last.get(1, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException stalled) {
                    break;
                }
                sent++;
            }
            assertThat(sent)
                    .as("messages the client could send while the application received none")
                    .isLessThan(400);
            startReceiving.complete(null);
            last.get(10, TimeUnit.SECONDS);
            client.socket.sendText("done", true).join();
            int expected = sent + 2;
            eventually(() -> assertThat(received).hasValue(expected));
        }
    }

    private static CompletableFuture<Void> drain(dev.jgi.api.Channel channel, AtomicInteger received) {
        return channel.receive().toCompletableFuture().thenCompose(event -> {
            if (event instanceof Event.WebSocketClose) {
                return CompletableFuture.completedFuture(null);
            }
            received.incrementAndGet();
            return drain(channel, received);
        });
    }

    private static CompletableFuture<Void> flood(
            dev.jgi.api.Channel channel, ByteBuffer message, AtomicInteger done, int left) {
        if (left == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return channel.send(new Action.WebSocketSendBinary(message))
                .toCompletableFuture()
                .thenCompose(sent -> {
                    done.incrementAndGet();
                    return flood(channel, message, done, left - 1);
                });
    }

    private static RawResponse rawHandshake(int port, String extraHeaders) {
        try (RawConnection connection = RawHttp.connect(port)) {
            return connection
                    .send("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                            + extraHeaders
                            + "\r\n")
                    .readResponse();
        }
    }
}
