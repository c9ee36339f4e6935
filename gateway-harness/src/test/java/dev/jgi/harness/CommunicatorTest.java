package dev.jgi.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The event-by-event API, asgiref's {@code ApplicationCommunicator}. */
class CommunicatorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Accepts with the first offered subprotocol and echoes text until the client closes. */
    private static final AsyncApplication ECHO = (request, channel) -> channel.receive()
            .thenCompose(connect -> {
                Optional<String> offered =
                        request.header("sec-websocket-protocol").map(list -> list.split(",", -1)[0].strip());
                return channel.send(new Action.WebSocketAccept(offered, Headers.of()));
            })
            .thenCompose(accepted -> echo(channel));

    private static CompletionStage<Void> echo(Channel channel) {
        return channel.receive().thenCompose(event -> switch (event) {
            case Event.WebSocketText text ->
                channel.send(new Action.WebSocketSendText("echo: " + text.text()))
                        .thenCompose(sent -> echo(channel));
            case Event.WebSocketClose close -> CompletableFuture.completedFuture(null);
            default -> channel.send(new Action.WebSocketClose(1003, "text only"));
        });
    }

    @Test
    void webSocketConversationRunsEventByEvent() throws Exception {
        try (TestServer server = TestServer.startAsync(ECHO);
                Communicator ws = server.open(TestRequest.websocket("/chat", "chat.v2", "chat.v1"))) {
            ws.send(new Event.WebSocketConnect());
            Action.WebSocketAccept accept = ws.receive(Action.WebSocketAccept.class, WAIT);
            assertThat(accept.subprotocol()).contains("chat.v2");

            ws.sendText("hello");
            assertThat(ws.receiveText(WAIT)).isEqualTo("echo: hello");
            ws.sendText("again");
            assertThat(ws.receiveText(WAIT)).isEqualTo("echo: again");
            assertThat(ws.receivesNothing(Duration.ofMillis(50))).isTrue();

            ws.send(new Event.WebSocketClose(1000, "bye"));
            TestResponse end = ws.awaitEnd(WAIT);
            assertThat(end.status()).isEqualTo(101);
            assertThat(end.header("sec-websocket-protocol")).contains("chat.v2");
        }
    }

    @Test
    void binaryMessageGetsAnApplicationClose() throws Exception {
        try (TestServer server = TestServer.startAsync(ECHO);
                Communicator ws = server.open(TestRequest.websocket("/chat"))) {
            ws.send(new Event.WebSocketConnect());
            ws.receive(Action.WebSocketAccept.class, WAIT);
            ws.sendBinary(new byte[] {1, 2});
            assertThat(ws.receive(WAIT)).isEqualTo(new Action.WebSocketClose(1003, "text only"));
            assertThat(ws.awaitEnd(WAIT).completion().succeeded()).isTrue();
        }
    }

    @Test
    void subprotocolTheClientDidNotOfferIsRefused() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(
                        connect -> channel.send(new Action.WebSocketAccept(Optional.of("graphql-ws"), Headers.of())))
                .handle((ignored, failure) -> {
                    refused.set(failure);
                    return null;
                })
                .thenCompose(
                        ignored -> channel.send(new Action.WebSocketDeny(403, Headers.of(), ByteBuffer.allocate(0))));
        try (TestServer server = TestServer.startAsync(app);
                Communicator ws = server.open(TestRequest.websocket("/", "chat"))) {
            ws.send(new Event.WebSocketConnect());
            assertThat(ws.receive(WAIT)).isInstanceOf(Action.WebSocketDeny.class);
            assertThat(ws.awaitEnd(WAIT).status()).isEqualTo(403);
        }
        assertThat(refused.get()).hasMessageContaining("JGI-WS-3");
    }

    @Test
    void denyIsAnOrdinaryHttpResponse() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketDeny(
                        401,
                        Headers.of("www-authenticate", "Bearer"),
                        ByteBuffer.wrap("log in".getBytes(StandardCharsets.UTF_8)))));
        try (TestServer server = TestServer.startAsync(app);
                Communicator ws = server.open(TestRequest.websocket("/"))) {
            ws.send(new Event.WebSocketConnect());
            ws.receive(Action.WebSocketDeny.class, WAIT);
            TestResponse denied = ws.awaitEnd(WAIT);
            assertThat(denied.status()).isEqualTo(401);
            assertThat(denied.text()).isEqualTo("log in");
            assertThat(denied.header("www-authenticate")).contains("Bearer");
        }
    }

    @Test
    void sendsAfterTheClientClosedFailWithClientDisconnected() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                .thenCompose(accepted -> channel.receive())
                .thenCompose(close -> channel.send(new Action.WebSocketSendText("too late")))
                .handle((ignored, error) -> {
                    failure.complete(error);
                    return null;
                });
        try (TestServer server = TestServer.startAsync(app);
                Communicator ws = server.open(TestRequest.websocket("/"))) {
            ws.send(new Event.WebSocketConnect());
            ws.receive(Action.WebSocketAccept.class, WAIT);
            ws.send(new Event.WebSocketClose(1001, "going away"));
            ws.awaitEnd(WAIT);
        }
        assertThat(failure.get()).hasRootCauseInstanceOf(ClientDisconnectedException.class);
    }

    @Test
    void disconnectRepeatsOnEveryLaterReceive() throws Exception {
        CompletableFuture<List<Event>> seen = new CompletableFuture<>();
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(first -> channel.receive().thenApply(second -> List.of(first, second)))
                .thenAccept(seen::complete);
        try (TestServer server = TestServer.startAsync(app);
                Communicator http = server.open(TestRequest.get("/"))) {
            http.send(new Event.Disconnect());
            http.awaitEnd(WAIT);
        }
        assertThat(seen.get()).containsExactly(new Event.Disconnect(), new Event.Disconnect());
    }

    @Test
    void httpExchangeRunsEventByEvent() throws Exception {
        AsyncApplication upper = (request, channel) -> channel.receive()
                .thenCompose(first -> channel.receive().thenCompose(second -> {
                    String text = StandardCharsets.UTF_8
                                    .decode(((Event.RequestBody) first).data())
                                    .toString()
                            + StandardCharsets.UTF_8.decode(((Event.RequestBody) second).data());
                    return channel.send(new Action.ResponseStart(200, Headers.of(), false))
                            .thenCompose(started -> channel.send(new Action.ResponseBody(
                                    ByteBuffer.wrap(
                                            text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)),
                                    false)));
                }));
        try (TestServer server = TestServer.startAsync(upper);
                Communicator http = server.open(TestRequest.post("/"))) {
            http.sendBody("ab".getBytes(StandardCharsets.UTF_8), false);
            assertThat(http.receivesNothing(Duration.ofMillis(50))).isTrue();
            http.sendBody("cd".getBytes(StandardCharsets.UTF_8), true);
            assertThat(http.receive(Action.ResponseStart.class, WAIT).status()).isEqualTo(200);
            Action.ResponseBody body = http.receive(Action.ResponseBody.class, WAIT);
            assertThat(StandardCharsets.UTF_8.decode(body.data()).toString()).isEqualTo("ABCD");
            assertThat(http.awaitEnd(WAIT).text()).isEqualTo("ABCD");
        }
    }

    @Test
    void sendStagesCanWaitForTheTestAsBackpressure() throws Exception {
        AtomicInteger completedSends = new AtomicInteger();
        AsyncApplication app = (request, channel) -> channel.send(new Action.ResponseStart(200, Headers.of(), false))
                .thenCompose(started -> {
                    completedSends.incrementAndGet();
                    return channel.send(new Action.ResponseBody(ByteBuffer.wrap(new byte[] {42}), false));
                })
                .thenRun(completedSends::incrementAndGet);
        TestServer.Options slowClient = TestServer.Options.defaults().withSendsWaitingForTheTest(true);
        try (TestServer server = TestServer.startAsync(app, slowClient);
                Communicator http = server.open(TestRequest.get("/"))) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!http.hasAction() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(http.hasAction()).isTrue();
            Thread.sleep(50);
            assertThat(completedSends)
                    .as("sends completed before the test took the start")
                    .hasValue(0);
            http.receive(Action.ResponseStart.class, WAIT);
            http.receive(Action.ResponseBody.class, WAIT);
            assertThat(http.awaitEnd(WAIT).bodyBytes()).containsExactly(42);
            assertThat(completedSends).hasValue(2);
        }
    }

    @Test
    void receiveTimesOutWhenTheApplicationSendsNothing() throws Exception {
        AsyncApplication silent = (request, channel) -> channel.receive()
                .thenCompose(event -> channel.send(new Action.ResponseStart(204, Headers.of(), false)))
                .thenCompose(started -> channel.send(Action.ResponseBody.end()));
        try (TestServer server = TestServer.startAsync(silent);
                Communicator http = server.open(TestRequest.get("/"))) {
            assertThatThrownBy(() -> http.receive(Duration.ofMillis(50))).isInstanceOf(TimeoutException.class);
            http.sendBody(new byte[0], true);
            assertThat(http.receive(WAIT)).isInstanceOf(Action.ResponseStart.class);
        }
    }

    @Test
    void webSocketHandshakeNeedsTheCapability() throws Exception {
        try (TestServer server =
                TestServer.startAsync(ECHO, TestServer.Options.defaults().withCapabilities())) {
            assertThatThrownBy(() -> server.open(TestRequest.websocket("/"))).hasMessageContaining("JGI-CAP-2");
        }
    }

    @Test
    void syncApplicationTalksThroughABlockingSession() throws Exception {
        dev.jgi.api.Application echo = (request, exchange) -> {
            dev.jgi.api.WebSocketSession session =
                    exchange.webSocket().orElseThrow().accept(Optional.of("chat.v1"), Headers.of());
            for (Event event = session.receive(); event instanceof Event.WebSocketText text; ) {
                session.sendText("echo: " + text.text());
                event = session.receive();
            }
            return dev.jgi.api.Response.empty(101);
        };
        try (TestServer server = TestServer.start(echo);
                Communicator ws = server.open(TestRequest.websocket("/chat", "chat.v1"))) {
            ws.send(new Event.WebSocketConnect());
            assertThat(ws.receive(Action.WebSocketAccept.class, WAIT).subprotocol())
                    .contains("chat.v1");
            ws.sendText("hello");
            assertThat(ws.receiveText(WAIT)).isEqualTo("echo: hello");
            ws.send(new Event.WebSocketClose(1000, "bye"));
            assertThat(ws.awaitEnd(WAIT).status()).isEqualTo(101);
        }
    }

    @Test
    void syncApplicationRefusesAHandshakeByReturningAResponse() throws Exception {
        AtomicReference<Request.Kind> kind = new AtomicReference<>();
        try (TestServer server = TestServer.start((dev.jgi.api.Application) (request, exchange) -> {
                    kind.set(request.kind());
                    return dev.jgi.api.Response.text(403, "no");
                });
                Communicator ws = server.open(TestRequest.websocket("/"))) {
            ws.send(new Event.WebSocketConnect());
            Action.WebSocketDeny deny = ws.receive(Action.WebSocketDeny.class, WAIT);
            assertThat(deny.status()).isEqualTo(403);
            assertThat(java.nio.charset.StandardCharsets.UTF_8
                            .decode(deny.body())
                            .toString())
                    .isEqualTo("no");
        }
        assertThat(kind.get()).isEqualTo(Request.Kind.WEBSOCKET);
    }
}
