package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Faulty sync applications, each caught by the validator under the clause it breaks. */
class SyncApplicationFaultsTest {

    @Test
    void nullResponseBreaksApp3() throws Exception {
        Outcome outcome =
                Outcome.sync((request, exchange) -> null, TestRequest.get("/")).applicationBroke("JGI-APP-3");
        assertThat(outcome.response().status()).isEqualTo(500);
    }

    @Test
    void interimStatusAsFinalBreaksResp1() throws Exception {
        Outcome.sync((request, exchange) -> Response.empty(103), TestRequest.get("/"))
                .applicationBroke("JGI-RESP-1");
    }

    @Test
    void hopByHopFieldBreaksResp4() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.text(200, "x").withHeader("transfer-encoding", "chunked"),
                        TestRequest.get("/"))
                .applicationBroke("JGI-RESP-4");
    }

    @Test
    void contentLengthUnlikeTheBytesBodyBreaksFrame5() throws Exception {
        Outcome.sync(
                        (request, exchange) ->
                                Response.of(200, Headers.of("content-length", "3"), Body.of(new byte[5])),
                        TestRequest.get("/"))
                .applicationBroke("JGI-FRAME-5");
    }

    @Test
    void contentLengthLongerThanTheWrittenBodyBreaksFrame5() throws Exception {
        Outcome outcome = Outcome.sync(
                        (request, exchange) -> Response.of(
                                200, Headers.of("content-length", "100"), Body.writer(out -> out.write(new byte[10]))),
                        TestRequest.get("/"))
                .applicationBroke("JGI-FRAME-5");
        assertThat(outcome.response().aborted()).isTrue();
    }

    @Test
    void contentLengthShorterThanTheStreamBodyBreaksFrame5() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.of(
                                        200,
                                        Headers.of("content-length", "2"),
                                        new Body.Stream(new ByteArrayInputStream(new byte[2])))
                                .withHeader("content-length", "1"),
                        TestRequest.get("/"))
                .applicationBroke("JGI-FRAME-5");
    }

    @Test
    void contentLengthThatIsNotANumberBreaksFrame5() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.text(200, "x").withHeader("content-length", "1x"),
                        TestRequest.get("/"))
                .applicationBroke("JGI-FRAME-5");
    }

    @Test
    void bodyWithNoContentStatusBreaksResp8() throws Exception {
        Outcome outcome = Outcome.sync((request, exchange) -> Response.text(204, "ignored"), TestRequest.get("/"))
                .applicationBroke("JGI-RESP-8");
        assertThat(outcome.response().unsentText()).isEqualTo("ignored");
    }

    @Test
    void trailersWithoutTheCapabilityBreakCap3() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.text(200, "x")
                                .withHeader("trailer", "x-sum")
                                .withTrailers(() -> Headers.of("x-sum", "1")),
                        TestServer.Options.defaults().withCapabilities(),
                        TestRequest.get("/"))
                .applicationBroke("JGI-CAP-3");
    }

    @Test
    void framingFieldAsTrailerBreaksExt2() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.text(200, "x")
                                .withHeader("trailer", "content-length")
                                .withTrailers(() -> Headers.of("content-length", "1")),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-2");
    }

    @Test
    void trailersNobodyNamedBreakExt10() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.text(200, "x").withTrailers(() -> Headers.of("x-sum", "1")),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-10");
    }

    @Test
    void readingTheBodyAfterTheResponseWasWrittenBreaksApp8() throws Exception {
        Outcome.sync(
                        (request, exchange) -> {
                            exchange.onComplete(completion -> {
                                try {
                                    exchange.body().read();
                                } catch (IOException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                            return Response.text(200, "x");
                        },
                        TestRequest.post("/").body("late"))
                .applicationBroke("JGI-APP-8");
    }

    @Test
    void registeringAHookAfterTheResponseWasWrittenBreaksApp8() throws Exception {
        Outcome.sync(
                        (request, exchange) -> {
                            exchange.onComplete(completion -> exchange.onComplete(again -> {}));
                            return Response.text(200, "x");
                        },
                        TestRequest.get("/"))
                .applicationBroke("JGI-APP-8");
    }

    @Test
    void earlyHintsAfterTheResponseWasHandedOverBreakExt5() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
                            exchange.sendEarlyHints(Headers.of("link", "</late.css>; rel=preload"));
                            out.write('x');
                        })),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-5");
    }

    @Test
    void writerUsingItsStreamAfterReturningBreaksBodyout6() throws Exception {
        AtomicReference<OutputStream> kept = new AtomicReference<>();
        Outcome.sync(
                        (request, exchange) -> {
                            exchange.onComplete(completion -> {
                                try {
                                    kept.get().write('!');
                                } catch (IOException refused) {
                                    // the validator refuses the write after reporting it
                                }
                            });
                            return Response.of(200, Headers.of(), Body.writer(out -> {
                                kept.set(out);
                                out.write('x');
                            }));
                        },
                        TestRequest.get("/"))
                .applicationBroke("JGI-BODYOUT-6");
    }

    @Test
    void startReturningNullBreaksLife8() {
        CollectingReporter reporter = Reporter.collecting();
        Application app = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) {
                return null;
            }

            @Override
            public Response handle(Request request, Exchange exchange) {
                return Response.empty(204);
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(Validator.wrap(app, reporter)))
                .hasMessageContaining("JGI-LIFE-8");
        assertThat(reporter.clauses()).containsExactly("JGI-LIFE-8");
        assertThat(reporter.violations().get(0).party()).isEqualTo(Violation.Party.APPLICATION);
    }
}
