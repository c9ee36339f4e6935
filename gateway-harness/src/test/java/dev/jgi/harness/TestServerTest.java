package dev.jgi.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TestServerTest {

    private static final Application ECHO_TARGET = (request, exchange) -> Response.text(
            200,
            request.target().mountPath() + "|" + request.path() + "|"
                    + request.target().query().orElse("<none>"));

    private static TestResponse send(Application app, TestRequest request) throws Exception {
        return send(app, TestServer.Options.defaults(), request);
    }

    private static TestResponse send(Application app, TestServer.Options options, TestRequest request)
            throws Exception {
        try (TestServer server = TestServer.start(app, options)) {
            return server.send(request);
        }
    }

    @Test
    void getReturnsStatusHeadersAndBody() throws Exception {
        TestResponse response = send(
                (request, exchange) -> Response.text(201, "hello " + request.method())
                        .plusHeader("set-cookie", "a=1")
                        .plusHeader("set-cookie", "b=2"),
                TestRequest.get("/"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text()).isEqualTo("hello GET");
        assertThat(response.headers().all("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(response.completion().status()).isEqualTo(201);
        assertThat(response.completion().bytesSent()).isEqualTo(9);
        assertThat(response.completion().succeeded()).isTrue();
        assertThat(response.aborted()).isFalse();
    }

    @Test
    void mountPrefixComesFromTheServerAndSplitsAtASegmentBoundary() throws Exception {
        TestServer.Options shop = TestServer.Options.defaults().withMount("/shop");
        assertThat(send(ECHO_TARGET, shop, TestRequest.get("/shop/cart?x=1&y")).text())
                .isEqualTo("/shop|/cart|x=1&y");
        assertThat(send(ECHO_TARGET, shop, TestRequest.get("/shop")).text()).isEqualTo("/shop||<none>");
        assertThat(send(ECHO_TARGET, shop, TestRequest.get("/shop/?")).text()).isEqualTo("/shop|/|");
    }

    @Test
    void pathOutsideTheMountIs404WithoutCallingTheApplication() throws Exception {
        AtomicBoolean called = new AtomicBoolean();
        TestResponse response = send(
                (request, exchange) -> {
                    called.set(true);
                    return Response.empty(200);
                },
                TestServer.Options.defaults().withMount("/shop"),
                TestRequest.get("/shopping"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(called).isFalse();
    }

    @Test
    void pathIsDecodedAsUtf8WithEncodedSlashAndPercentKept() throws Exception {
        assertThat(send(ECHO_TARGET, TestRequest.get("/caf%C3%A9/a%2fb/100%25")).text())
                .isEqualTo("|/café/a%2Fb/100%25|<none>");
    }

    @Test
    void aTargetThatDoesNotDecodeIs400WithoutCallingTheApplication() throws Exception {
        AtomicBoolean called = new AtomicBoolean();
        TestResponse response = send(
                (request, exchange) -> {
                    called.set(true);
                    return Response.empty(200);
                },
                TestRequest.get("/a/../../etc/passwd"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).startsWith("[JGI-PATH-8]");
        assertThat(called).isFalse();
    }

    @Test
    void absoluteFormTargetKeepsTheRawTargetAndTakesItsPath() throws Exception {
        AtomicReference<Request> seen = new AtomicReference<>();
        send(
                (request, exchange) -> {
                    seen.set(request);
                    return Response.empty(204);
                },
                TestRequest.get("http://localhost/x/y?q"));

        assertThat(seen.get().target().raw()).isEqualTo("http://localhost/x/y?q");
        assertThat(seen.get().target().rawPath()).isEqualTo("/x/y");
        assertThat(seen.get().path()).isEqualTo("/x/y");
        assertThat(seen.get().target().query()).contains("q");
    }

    @Test
    void theAuthorityOfAnAbsoluteFormTargetIsTheHost() throws Exception {
        AtomicReference<Request> seen = new AtomicReference<>();
        send(
                (request, exchange) -> {
                    seen.set(request);
                    return Response.empty(204);
                },
                TestRequest.get("http://example.com:8080/x"));

        assertThat(seen.get().headers().all("host")).containsExactly("example.com:8080");
    }

    @Test
    void asteriskFormAndMissingHostAreAnsweredByTheServer() throws Exception {
        assertThat(send(ECHO_TARGET, TestRequest.of("OPTIONS", "*")).status()).isEqualTo(200);
        assertThat(send(ECHO_TARGET, TestRequest.get("/").withHeaders(Headers.of()))
                        .status())
                .isEqualTo(400);
        assertThat(send(
                                ECHO_TARGET,
                                TestRequest.get("/").withHeaders(Headers.of()).withVersion("HTTP/1.0"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aContentLengthLongerThanEighteenDigitsIs400WithoutCallingTheApplication() throws Exception {
        AtomicBoolean called = new AtomicBoolean();
        TestResponse response = send(
                (request, exchange) -> {
                    called.set(true);
                    return Response.empty(204);
                },
                TestRequest.post("/").header("content-length", "1234567890123456789"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).startsWith("[JGI-BODY-7]");
        assertThat(called).isFalse();
    }

    @Test
    void connectIsRefusedWithoutCallingTheApplication() throws Exception {
        AtomicReference<Request> seen = new AtomicReference<>();
        TestResponse response = send(
                (request, exchange) -> {
                    seen.set(request);
                    return Response.empty(200);
                },
                TestRequest.of("CONNECT", "/"));
        assertThat(response.status()).isEqualTo(501);
        assertThat(seen).hasNullValue();
    }

    @Test
    void requestHeadCarriesHeadersLowerCasedClientAndTls() throws Exception {
        AtomicReference<Request> seen = new AtomicReference<>();
        send(
                (request, exchange) -> {
                    seen.set(request);
                    return Response.empty(204);
                },
                TestRequest.get("/").header("X-Trace", "t1").overTls());

        assertThat(seen.get().header("x-trace")).contains("t1");
        assertThat(seen.get().headers().asList())
                .extracting(Headers.Field::name)
                .contains("x-trace");
        assertThat(seen.get().scheme()).isEqualTo("https");
        assertThat(seen.get().tls()).get().extracting(Request.Tls::protocol).isEqualTo("TLSv1.3");
        assertThat(seen.get().client()).isEqualTo(TestRequest.DEFAULT_CLIENT);
        assertThat(seen.get().kind()).isEqualTo(Request.Kind.HTTP);
    }

    @Test
    void syncApplicationRunsOnAVirtualThread() throws Exception {
        TestResponse response = send(
                (request, exchange) -> Response.text(
                        200, Boolean.toString(Thread.currentThread().isVirtual())),
                TestRequest.get("/"));
        assertThat(response.text()).isEqualTo("true");
    }

    @Test
    void headResponseHasNoBodyAndKeepsWhatTheApplicationSentApart() throws Exception {
        TestResponse response = send((request, exchange) -> Response.text(200, "would-be body"), TestRequest.head("/"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyBytes()).isEmpty();
        assertThat(response.unsentText()).isEqualTo("would-be body");
        assertThat(response.completion().bytesSent()).isZero();
    }

    @Test
    void noContentAndNotModifiedResponsesCarryNoBody() throws Exception {
        for (int status : new int[] {204, 304}) {
            TestResponse response = send((request, exchange) -> Response.text(status, "oops"), TestRequest.get("/"));
            assertThat(response.bodyBytes()).isEmpty();
            assertThat(response.unsentText()).isEqualTo("oops");
        }
    }

    @Test
    void requestBodyIsReadInPiecesNoLargerThanTheServerBound() throws Exception {
        List<Integer> reads = new CopyOnWriteArrayList<>();
        Application app = (request, exchange) -> {
            InputStream in = exchange.body();
            StringBuilder all = new StringBuilder();
            byte[] buffer = new byte[1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                reads.add(n);
                all.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return Response.text(200, all.toString());
        };
        TestResponse response = send(
                app,
                TestServer.Options.defaults().withMaxPiece(4),
                TestRequest.post("/")
                        .bodyPieces("abcdef".getBytes(StandardCharsets.UTF_8), "gh".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.text()).isEqualTo("abcdefgh");
        assertThat(reads).containsExactly(4, 2, 2);
    }

    @Test
    void continueIsSentOnlyWhenTheApplicationReadsTheBody() throws Exception {
        TestRequest upload =
                TestRequest.put("/file").header("expect", "100-continue").body("payload");
        TestResponse read = send(
                (request, exchange) ->
                        Response.text(200, new String(exchange.body().readAllBytes(), StandardCharsets.UTF_8)),
                upload);
        assertThat(read.continued()).isTrue();
        assertThat(read.text()).isEqualTo("payload");

        TestResponse refused = send((request, exchange) -> Response.empty(413), upload);
        assertThat(refused.continued()).isFalse();
        assertThat(send(
                                (request, exchange) -> Response.text(
                                        200, new String(exchange.body().readAllBytes(), StandardCharsets.UTF_8)),
                                TestRequest.put("/file").body("payload"))
                        .continued())
                .isFalse();
    }

    @Test
    void failureBeforeCommitIs500WithoutTheMessage() throws Exception {
        TestResponse response = send(
                (request, exchange) -> {
                    throw new IllegalStateException("secret detail");
                },
                TestRequest.get("/"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.text()).doesNotContain("secret");
        assertThat(response.failure()).get().extracting(Throwable::getMessage).isEqualTo("secret detail");
        assertThat(response.aborted()).isFalse();
    }

    @Test
    void nullResponseIs500() throws Exception {
        TestResponse response = send((request, exchange) -> null, TestRequest.get("/"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.failure())
                .get()
                .extracting(Throwable::getMessage)
                .asString()
                .contains("JGI-APP-3");
    }

    @Test
    void failureAfterAFlushAbortsTheExchange() throws Exception {
        TestResponse response = send(
                (request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
                    out.write("part".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw new IOException("disk gone");
                })),
                TestRequest.get("/"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.aborted()).isTrue();
        assertThat(response.text()).isEqualTo("part");
        assertThat(response.completion().error())
                .get()
                .extracting(Throwable::getMessage)
                .isEqualTo("disk gone");
    }

    @Test
    void contentLengthThatDisagreesWithAKnownBodyIs500() throws Exception {
        TestResponse response = send(
                (request, exchange) -> Response.text(200, "four").withHeader("content-length", "9"),
                TestRequest.get("/"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.failure())
                .get()
                .extracting(Throwable::getMessage)
                .asString()
                .contains("JGI-FRAME-6");
    }

    @Test
    void streamedBodyShorterThanItsContentLengthIsAborted() throws Exception {
        TestResponse response = send(
                (request, exchange) -> Response.of(
                        200, Headers.of("content-length", "10"), Body.writer(out -> out.write(new byte[4]))),
                TestRequest.get("/"));
        assertThat(response.aborted()).isTrue();
    }

    @Test
    void hopByHopFieldAndInterimStatusAre500() throws Exception {
        assertThat(send(
                                (request, exchange) -> Response.text(200, "x").withHeader("connection", "keep-alive"),
                                TestRequest.get("/"))
                        .status())
                .isEqualTo(500);
        assertThat(send((request, exchange) -> Response.empty(103), TestRequest.get("/"))
                        .status())
                .isEqualTo(500);
    }

    @Test
    void completionHooksRunOnceInReverseOrderEvenWhenOneThrows() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<Completion> completions = new CopyOnWriteArrayList<>();
        TestResponse response = send(
                (request, exchange) -> {
                    exchange.onComplete(completion -> ran.add("first"));
                    exchange.onComplete(completion -> {
                        ran.add("second");
                        throw new IllegalStateException("hook failure");
                    });
                    exchange.onComplete(completion -> {
                        ran.add("third");
                        completions.add(completion);
                    });
                    return Response.text(200, "ok");
                },
                TestRequest.get("/"));

        assertThat(ran).containsExactly("third", "second", "first");
        assertThat(completions).containsExactly(response.completion());
    }

    @Test
    void earlyHintsNeedTheCapabilityAndComeBeforeTheResponse() throws Exception {
        Application app = (request, exchange) -> {
            boolean sent = exchange.sendEarlyHints(Headers.of("link", "</a.css>; rel=preload"));
            return Response.text(200, Boolean.toString(sent));
        };
        TestResponse declared = send(app, TestRequest.get("/"));
        assertThat(declared.text()).isEqualTo("true");
        assertThat(declared.earlyHints()).containsExactly(Headers.of("link", "</a.css>; rel=preload"));

        TestResponse undeclared = send(app, TestServer.Options.defaults().withCapabilities(), TestRequest.get("/"));
        assertThat(undeclared.text()).isEqualTo("false");
        assertThat(undeclared.earlyHints()).isEmpty();

        TestResponse http10 = send(app, TestRequest.get("/").withVersion("HTTP/1.0"));
        assertThat(http10.text()).isEqualTo("false");
    }

    @Test
    void trailersAreSentWithTheCapabilityAndDroppedWithout() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Application app = (request, exchange) -> Response.text(200, "body").withTrailers(() -> {
            calls.incrementAndGet();
            return Headers.of("x-checksum", "abc");
        });
        assertThat(send(app, TestRequest.get("/")).trailers()).contains(Headers.of("x-checksum", "abc"));
        assertThat(calls).hasValue(1);
        assertThat(send(app, TestServer.Options.defaults().withCapabilities(), TestRequest.get("/"))
                        .trailers())
                .isEmpty();
        assertThat(calls).hasValue(1);
    }

    @Test
    void clientLeavingDuringTheBodyMakesReadsThrow() throws Exception {
        AtomicBoolean disconnectedSeen = new AtomicBoolean();
        TestResponse response = send(
                (request, exchange) -> {
                    try {
                        exchange.body().readAllBytes();
                        return Response.text(200, "read all");
                    } catch (ClientDisconnectedException gone) {
                        disconnectedSeen.set(exchange.isDisconnected());
                        throw gone;
                    }
                },
                TestServer.Options.defaults().withMaxPiece(2),
                TestRequest.post("/").body("abcdef").clientLeavesAfterPieces(1));

        assertThat(disconnectedSeen).isTrue();
        assertThat(response.failure()).get().isInstanceOf(ClientDisconnectedException.class);
        assertThat(response.completion().error()).isPresent();
    }

    @Test
    void clientLeavingDuringTheResponseMakesWritesThrowAndAborts() throws Exception {
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        TestResponse response = send(
                (request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
                    try {
                        for (int i = 0; i < 10; i++) {
                            out.write(new byte[100]);
                            out.flush();
                        }
                    } catch (IOException failure) {
                        writeFailure.set(failure);
                        throw failure;
                    }
                })),
                TestRequest.get("/").clientLeavesAfterResponseBytes(250));

        assertThat(writeFailure.get()).isInstanceOf(ClientDisconnectedException.class);
        assertThat(response.bodyBytes()).hasSize(250);
        assertThat(response.aborted()).isTrue();
        assertThat(response.completion().bytesSent()).isEqualTo(250);
        assertThat(response.completion().succeeded()).isFalse();
    }

    @Test
    void exchangeLimitRefusesAnAnnouncedBodyWith413() throws Exception {
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Application limited = (request, exchange) -> {
            exchange.limitBody(4);
            try {
                exchange.body().readAllBytes();
            } catch (IOException e) {
                readFailure.set(e);
                throw e;
            }
            return Response.empty(204);
        };
        assertThat(send(limited, TestRequest.post("/").body("0123456789")).status())
                .isEqualTo(413);
        assertThat(readFailure.get()).isInstanceOf(dev.jgi.api.BodyTooLargeException.class);
        assertThat(send(limited, TestRequest.post("/").body("0123")).status()).isEqualTo(204);
    }

    @Test
    void exchangeLimitStopsAChunkedBodyOnceItCrossesTheLimit() throws Exception {
        Application limited = (request, exchange) -> {
            exchange.limitBody(4);
            exchange.body().readAllBytes();
            return Response.empty(204);
        };
        TestRequest chunked = TestRequest.post("/")
                .bodyPieces("01".getBytes(StandardCharsets.UTF_8), "2345".getBytes(StandardCharsets.UTF_8));
        assertThat(send(limited, chunked).status()).isEqualTo(413);
    }
}
