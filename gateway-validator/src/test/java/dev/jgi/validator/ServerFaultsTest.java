package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Event;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.harness.ServerFault;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A harness told to break the server's side of the contract; the validator names each breach. */
class ServerFaultsTest {

    private static final Application READ_TWICE_PAST_THE_END = (request, exchange) -> {
        byte[] body = exchange.body().readAllBytes();
        int after = exchange.body().read();
        return Response.text(200, body.length + "/" + after);
    };

    private static TestServer.Options broken(ServerFault fault) {
        return TestServer.Options.defaults().withFaults(fault);
    }

    @Test
    void eventAfterTheLastBodyPieceBreaksAsync2() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(last -> channel.receive())
                .thenCompose(extra -> channel.send(new Action.ResponseStart(204, Headers.of(), false)))
                .thenCompose(started -> channel.send(Action.ResponseBody.end()));
        Outcome.async(app, broken(ServerFault.EVENT_AFTER_LAST_BODY), TestRequest.get("/"))
                .serverBroke("JGI-ASYNC-2");
    }

    @Test
    void bodyPastTheExchangeLimitBreaksLim7() throws Exception {
        Outcome.sync(
                        (request, exchange) -> {
                            exchange.limitBody(4);
                            return Response.text(200, exchange.body().readAllBytes().length + " bytes");
                        },
                        broken(ServerFault.IGNORES_BODY_LIMIT),
                        TestRequest.post("/").body("0123456789"))
                .serverBroke("JGI-LIM-7");
    }

    @Test
    void bytesAfterTheEndOfTheBodyBreakBody10() throws Exception {
        Outcome.sync(
                        READ_TWICE_PAST_THE_END,
                        broken(ServerFault.DATA_AFTER_END_OF_BODY),
                        TestRequest.post("/").body("abc"))
                .serverBroke("JGI-BODY-10");
    }

    @Test
    void hooksRunTwiceBreakDone1() throws Exception {
        Outcome.sync(
                        (request, exchange) -> {
                            exchange.onComplete(completion -> {});
                            return Response.empty(204);
                        },
                        broken(ServerFault.HOOKS_RUN_TWICE),
                        TestRequest.get("/"))
                .serverBroke("JGI-DONE-1");
    }

    @Test
    void hooksInRegistrationOrderBreakDone2() throws Exception {
        Outcome.sync(
                        (request, exchange) -> {
                            exchange.onComplete(completion -> {});
                            return Response.empty(204);
                        },
                        broken(ServerFault.HOOKS_IN_REGISTRATION_ORDER),
                        TestRequest.get("/"))
                .serverBroke("JGI-DONE-2");
    }

    @Test
    void capitalisedHeaderNamesBreakHdr1() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.empty(204),
                        broken(ServerFault.CAPITALISED_HEADER_NAMES),
                        TestRequest.get("/").header("accept", "*/*"))
                .serverBroke("JGI-HDR-1");
    }

    @Test
    void acceptingAnActionOutOfOrderBreaksAsync5() throws Exception {
        AsyncApplication app = (request, channel) -> channel.send(new Action.ResponseBody(ByteBuffer.allocate(1), true))
                .thenCompose(early -> channel.send(new Action.ResponseStart(204, Headers.of(), false)))
                .thenCompose(started -> channel.send(Action.ResponseBody.end()));
        Outcome outcome = Outcome.async(app, broken(ServerFault.ACCEPTS_ACTIONS_OUT_OF_ORDER), TestRequest.get("/"));
        assertThat(outcome.violations())
                .extracting(Violation::clause, Violation::party)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("JGI-ASYNC-3", Violation.Party.APPLICATION),
                        org.assertj.core.groups.Tuple.tuple("JGI-ASYNC-5", Violation.Party.SERVER));
    }

    @Test
    void servingBeforeStartBreaksLife1() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.empty(204),
                        broken(ServerFault.SERVES_BEFORE_START),
                        TestRequest.get("/"))
                .serverBroke("JGI-LIFE-1");
    }

    @Test
    void stateOtherThanTheOneStartReturnedBreaksReq7() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.empty(204),
                        TestRequest.get("/").withState(Map.of("forged", true)))
                .serverBroke("JGI-REQ-7");
    }

    @Test
    void anEqualCopyOfTheStartStateBreaksReq7() throws Exception {
        Application app = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) {
                return new HashMap<>(Map.of("pool", "p"));
            }

            @Override
            public Response handle(Request request, Exchange exchange) {
                return Response.empty(204);
            }
        };
        Outcome.sync(app, TestRequest.get("/").withState(Map.of("pool", "p"))).serverBroke("JGI-REQ-7");
    }

    @Test
    void lifespanMisuseBreaksLife1Life5AndLife6() throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        Application app = Validator.wrap((request, exchange) -> Response.empty(204), reporter);
        app.stop();
        assertThat(reporter.clauses()).containsExactly("JGI-LIFE-6");
        ServerInfo info = new ServerInfo("test", "1", "1.0", Set.of());
        app.start(info);
        app.start(info);
        assertThat(reporter.clauses()).containsExactly("JGI-LIFE-6", "JGI-LIFE-1");
        app.stop();
        assertThat(reporter.clauses()).containsExactly("JGI-LIFE-6", "JGI-LIFE-1", "JGI-LIFE-5");
        assertThat(reporter.violations()).allMatch(violation -> violation.party() == Violation.Party.SERVER);
    }

    @Test
    void wrongSpecVersionBreaksVer1() throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        Validator.wrapAsync((request, channel) -> null, reporter).start(new ServerInfo("old", "1", "0.9", Set.of()));
        assertThat(reporter.clauses()).containsExactly("JGI-VER-1");
    }

    @Test
    void middlewareCallingTheApplicationTwiceBreaksMw3() throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        Application inner = Validator.wrap((request, exchange) -> Response.text(200, "inner"), reporter);
        Middleware twice = (request, exchange, next) -> {
            next.handle(request, exchange);
            return next.handle(request, exchange);
        };
        try (TestServer server = TestServer.start(twice.wrap(inner))) {
            assertThat(server.send(TestRequest.get("/")).text()).isEqualTo("inner");
        }
        assertThat(reporter.clauses()).containsExactly("JGI-MW-3");
        assertThat(reporter.violations().get(0).party()).isEqualTo(Violation.Party.SERVER);
    }

    @Test
    void handshakeWithoutExchangeWebSocketBreaksWs11() throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        Application inner = Validator.wrap(
                (request, exchange) -> exchange.webSocket().isEmpty() ? Response.empty(426) : Response.empty(200),
                reporter);
        Application forwardsHandshakes = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) throws Exception {
                return inner.start(server);
            }

            @Override
            public Response handle(Request request, Exchange exchange) throws Exception {
                Request upgraded =
                        request.toBuilder().kind(Request.Kind.WEBSOCKET).build();
                return inner.handle(upgraded, exchange);
            }
        };
        try (TestServer server = TestServer.start(forwardsHandshakes)) {
            assertThat(server.send(TestRequest.get("/")).status()).isEqualTo(426);
        }
        assertThat(reporter.clauses()).containsExactly("JGI-WS-11");
    }

    @Test
    void eventOrderOfACorrectServerIsClean() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(first -> channel.receive())
                .thenCompose(last -> {
                    assertThat(last).isEqualTo(new Event.RequestBody(ByteBuffer.wrap(new byte[] {'c'}), true));
                    return channel.send(new Action.ResponseStart(204, Headers.of(), false));
                })
                .thenCompose(started -> channel.send(Action.ResponseBody.end()));
        Outcome.async(
                        app,
                        TestServer.Options.defaults().withMaxPiece(2),
                        TestRequest.post("/").body("abc"))
                .clean();
    }
}
