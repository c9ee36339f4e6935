package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.harness.Communicator;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Faulty WebSocket applications, each caught by the validator under the clause it breaks. */
class WebSocketFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Action ACCEPT = new Action.WebSocketAccept(Optional.empty(), Headers.of());

    /** Receives the connect, then sends the actions one after another. */
    private static AsyncApplication afterConnect(Action... actions) {
        return (request, channel) -> {
            CompletionStage<Void> chain = channel.receive().thenAccept(connect -> {});
            for (Action action : actions) {
                chain = chain.thenCompose(previous -> channel.send(action));
            }
            return chain;
        };
    }

    /** Connects, lets the application run to its end, and returns what the validator reported. */
    private static List<Violation> connect(AsyncApplication app, TestRequest handshake) throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        try (TestServer server = TestServer.startAsync(Validator.wrapAsync(app, reporter));
                Communicator ws = server.open(handshake)) {
            ws.send(new Event.WebSocketConnect());
            TestResponse end = ws.awaitEnd(WAIT);
            assertThat(end.status()).isIn(101, 403, 500);
        }
        return reporter.violations();
    }

    private static void assertOnly(List<Violation> violations, String clause) {
        assertThat(violations).as("violations").isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.clause()).isEqualTo(clause);
            assertThat(violation.party()).isEqualTo(Violation.Party.APPLICATION);
        });
    }

    @Test
    void messageBeforeTheAcceptBreaksWs12() throws Exception {
        assertOnly(
                connect(afterConnect(new Action.WebSocketSendText("too soon")), TestRequest.websocket("/")),
                "JGI-WS-12");
    }

    @Test
    void secondAcceptBreaksWs13() throws Exception {
        assertOnly(connect(afterConnect(ACCEPT, ACCEPT), TestRequest.websocket("/")), "JGI-WS-13");
    }

    @Test
    void subprotocolTheClientDidNotOfferBreaksWs3() throws Exception {
        assertOnly(
                connect(
                        afterConnect(new Action.WebSocketAccept(Optional.of("mqtt"), Headers.of())),
                        TestRequest.websocket("/", "chat")),
                "JGI-WS-3");
    }

    @Test
    void reservedCloseCodeBreaksWs8() throws Exception {
        assertOnly(
                connect(afterConnect(ACCEPT, new Action.WebSocketClose(1005, "no status")), TestRequest.websocket("/")),
                "JGI-WS-8");
    }

    @Test
    void messageAfterTheCloseBreaksWs12() throws Exception {
        assertOnly(
                connect(
                        afterConnect(
                                ACCEPT, new Action.WebSocketClose(1000, "done"), new Action.WebSocketSendText("after")),
                        TestRequest.websocket("/")),
                "JGI-WS-12");
    }

    @Test
    void httpActionOnAWebSocketExchangeBreaksAsync5() throws Exception {
        assertOnly(
                connect(afterConnect(new Action.ResponseStart(200, Headers.of(), false)), TestRequest.websocket("/")),
                "JGI-ASYNC-5");
    }

    @Test
    void closeBeforeTheAcceptBreaksWs13() throws Exception {
        assertOnly(connect(afterConnect(new Action.WebSocketClose(1000, "")), TestRequest.websocket("/")), "JGI-WS-13");
    }

    @Test
    void stageCompletingWithoutAnsweringTheHandshakeBreaksAsync8() throws Exception {
        assertOnly(
                connect((request, channel) -> channel.receive().thenAccept(connect -> {}), TestRequest.websocket("/")),
                "JGI-ASYNC-8");
    }

    @Test
    void conversationByTheRulesIsClean() throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        AsyncApplication chat = (request, channel) -> channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.of("chat"), Headers.of())))
                .thenCompose(accepted -> channel.receive())
                .thenCompose(
                        message -> channel.send(new Action.WebSocketSendText(((Event.WebSocketText) message).text())))
                .thenCompose(sent -> channel.send(new Action.WebSocketClose(4000, "bye")))
                .thenCompose(closed -> channel.receive())
                .thenCompose(close -> CompletableFuture.completedFuture(null));
        try (TestServer server = TestServer.startAsync(Validator.wrapAsync(chat, reporter));
                Communicator ws = server.open(TestRequest.websocket("/", "chat"))) {
            ws.send(new Event.WebSocketConnect());
            ws.receive(Action.WebSocketAccept.class, WAIT);
            ws.sendText("ping");
            assertThat(ws.receiveText(WAIT)).isEqualTo("ping");
            assertThat(ws.receive(WAIT)).isEqualTo(new Action.WebSocketClose(4000, "bye"));
            ws.send(new Event.WebSocketClose(4000, "bye"));
            assertThat(ws.awaitEnd(WAIT).status()).isEqualTo(101);
        }
        assertThat(reporter.violations()).isEmpty();
    }

    /** Runs a sync application through the validator until the client's close, and returns the report. */
    private static List<Violation> talkTo(dev.jgi.api.Application app) throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        try (TestServer server = TestServer.start(Validator.wrap(app, reporter));
                Communicator ws = server.open(TestRequest.websocket("/"))) {
            ws.send(new Event.WebSocketConnect());
            ws.receive(Action.WebSocketAccept.class, WAIT);
            ws.send(new Event.WebSocketClose(1000, ""));
            ws.awaitEnd(WAIT);
        }
        return reporter.violations();
    }

    @Test
    void syncSessionClosingWithAReservedCodeBreaksWs8() throws Exception {
        assertOnly(
                talkTo((request, exchange) -> {
                    exchange.webSocket().orElseThrow().accept().close(1005, "");
                    return dev.jgi.api.Response.empty(101);
                }),
                "JGI-WS-8");
    }

    @Test
    void syncSessionSendingAfterTheCloseBreaksWs12() throws Exception {
        assertOnly(
                talkTo((request, exchange) -> {
                    dev.jgi.api.WebSocketSession session =
                            exchange.webSocket().orElseThrow().accept();
                    while (!(session.receive() instanceof Event.WebSocketClose)) {
                        // Messages are not what these tests look at.
                    }
                    try {
                        session.sendText("too late");
                    } catch (java.io.IOException | IllegalStateException refused) {
                        // The server refuses it too; the report is what this test reads.
                    }
                    return dev.jgi.api.Response.empty(101);
                }),
                "JGI-WS-12");
    }

    @Test
    void syncSessionByTheRulesIsClean() throws Exception {
        assertThat(talkTo((request, exchange) -> {
                    dev.jgi.api.WebSocketSession session =
                            exchange.webSocket().orElseThrow().accept();
                    while (!(session.receive() instanceof Event.WebSocketClose)) {
                        // Messages are not what these tests look at.
                    }
                    return dev.jgi.api.Response.empty(101);
                }))
                .isEmpty();
    }
}
