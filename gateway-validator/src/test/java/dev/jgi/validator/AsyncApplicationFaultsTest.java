package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.harness.Communicator;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Faulty async HTTP applications, each caught by the validator under the clause it breaks. */
class AsyncApplicationFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static Action.ResponseStart start(int status, String... headers) {
        return new Action.ResponseStart(status, Headers.of(headers), false);
    }

    private static Action.ResponseBody piece(String text, boolean more) {
        return new Action.ResponseBody(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), more);
    }

    /** Sends the actions one after another, each after the previous send completed. */
    private static AsyncApplication sending(Action... actions) {
        return (request, channel) -> {
            CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
            for (Action action : actions) {
                chain = chain.thenCompose(previous -> channel.send(action));
            }
            return chain;
        };
    }

    @Test
    void nullStageBreaksApp5() throws Exception {
        Outcome outcome =
                Outcome.async((request, channel) -> null, TestRequest.get("/")).applicationBroke("JGI-APP-5");
        assertThat(outcome.response().status()).isEqualTo(500);
    }

    @Test
    void bodyBeforeTheStartBreaksAsync3() throws Exception {
        Outcome.async(sending(piece("early", false)), TestRequest.get("/")).applicationBroke("JGI-ASYNC-3");
    }

    @Test
    void secondStartBreaksAsync3() throws Exception {
        Outcome.async(sending(start(200), start(200)), TestRequest.get("/")).applicationBroke("JGI-ASYNC-3");
    }

    @Test
    void bodyAfterTheLastPieceBreaksAsync4() throws Exception {
        Outcome.async(sending(start(200), piece("a", false), piece("b", false)), TestRequest.get("/"))
                .applicationBroke("JGI-ASYNC-4");
    }

    @Test
    void interimStatusInTheStartBreaksResp1() throws Exception {
        Outcome.async(sending(start(102), piece("", false)), TestRequest.get("/"))
                .applicationBroke("JGI-RESP-1");
    }

    @Test
    void hopByHopFieldInTheStartBreaksResp4() throws Exception {
        Outcome.async(sending(start(200, "keep-alive", "timeout=5"), piece("", false)), TestRequest.get("/"))
                .applicationBroke("JGI-RESP-4");
    }

    @Test
    void contentLengthUnlikeTheBodyPiecesBreaksFrame5() throws Exception {
        Outcome outcome = Outcome.async(
                        sending(start(200, "content-length", "10"), piece("abc", true), piece("d", false)),
                        TestRequest.get("/"))
                .applicationBroke("JGI-FRAME-5");
        assertThat(outcome.response().aborted()).isTrue();
    }

    @Test
    void trailersTheStartDidNotAnnounceBreakExt6() throws Exception {
        Outcome.async(
                        sending(start(200), piece("x", false), new Action.ResponseTrailers(Headers.of("x-sum", "1"))),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-6");
    }

    @Test
    void trailersBeforeTheLastPieceBreakExt6() throws Exception {
        Outcome.async(
                        sending(
                                new Action.ResponseStart(200, Headers.of("trailer", "x-sum"), true),
                                piece("x", true),
                                new Action.ResponseTrailers(Headers.of("x-sum", "1"))),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-6");
    }

    @Test
    void authorizationAsTrailerBreaksExt2() throws Exception {
        Outcome.async(
                        sending(
                                new Action.ResponseStart(200, Headers.of("trailer", "authorization"), true),
                                piece("x", false),
                                new Action.ResponseTrailers(Headers.of("authorization", "Bearer t"))),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-2");
    }

    @Test
    void trailersAnnouncedButNotNamedBreakExt10() throws Exception {
        Outcome.async(
                        sending(
                                new Action.ResponseStart(200, Headers.of(), true),
                                piece("x", false),
                                new Action.ResponseTrailers(Headers.of("x-sum", "1"))),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-10");
    }

    @Test
    void earlyHintsAfterTheStartBreakExt5() throws Exception {
        Outcome.async(
                        sending(
                                start(200),
                                new Action.EarlyHints(Headers.of("link", "</a.js>; rel=preload")),
                                piece("", false)),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-5");
    }

    @Test
    void earlyHintsWithoutTheCapabilityBreakCap3() throws Exception {
        Outcome.async(
                        sending(
                                new Action.EarlyHints(Headers.of("link", "</a.js>; rel=preload")),
                                start(200),
                                piece("", false)),
                        TestServer.Options.defaults().withCapabilities(),
                        TestRequest.get("/"))
                .applicationBroke("JGI-CAP-3");
    }

    @Test
    void trailersAnnouncedWithoutTheCapabilityBreakCap3() throws Exception {
        Outcome.async(
                        sending(new Action.ResponseStart(200, Headers.of("trailer", "x-sum"), true), piece("x", false)),
                        TestServer.Options.defaults().withCapabilities(),
                        TestRequest.get("/"))
                .applicationBroke("JGI-CAP-3");
    }

    @Test
    void fileActionWithoutTheCapabilityIsCorrect() throws Exception {
        Path file = Files.createTempFile("jgi-validator", ".txt");
        try {
            Files.writeString(file, "file body");
            // JGI-BODYOUT-7: FILE_SENDING announces zero-copy; it does not permit file actions.
            Outcome outcome = Outcome.async(
                            sending(start(200), new Action.ResponseFile(file, 0, OptionalLong.empty(), false)),
                            TestServer.Options.defaults().withCapabilities(),
                            TestRequest.get("/"))
                    .clean();
            assertThat(outcome.response().text()).isEqualTo("file body");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void webSocketActionOnAnHttpExchangeBreaksAsync5() throws Exception {
        Outcome.async(sending(new Action.WebSocketSendText("hi")), TestRequest.get("/"))
                .applicationBroke("JGI-ASYNC-5");
    }

    @Test
    void stageCompletingBeforeTheResponseEndedBreaksAsync8() throws Exception {
        Outcome outcome = Outcome.async(sending(start(200), piece("half", true)), TestRequest.get("/"))
                .applicationBroke("JGI-ASYNC-8");
        assertThat(outcome.response().aborted()).isTrue();
    }

    @Test
    void stageCompletingWithoutTheAnnouncedTrailersBreaksExt6() throws Exception {
        Outcome.async(
                        sending(new Action.ResponseStart(200, Headers.of("trailer", "x-sum"), true), piece("x", false)),
                        TestRequest.get("/"))
                .applicationBroke("JGI-EXT-6");
    }

    @Test
    void sendAfterTheStageCompletedBreaksAsync9() throws Exception {
        AtomicReference<Channel> kept = new AtomicReference<>();
        CollectingReporter reporter = Reporter.collecting();
        AsyncApplication app = (request, channel) -> {
            kept.set(channel);
            return sending(start(204), piece("", false)).handle(request, channel);
        };
        try (TestServer server = TestServer.startAsync(Validator.wrapAsync(app, reporter))) {
            assertThat(server.send(TestRequest.get("/")).status()).isEqualTo(204);
            assertThat(reporter.isEmpty()).isTrue();
            kept.get().send(piece("ghost", false));
        }
        assertThat(reporter.clauses())
                .contains("JGI-ASYNC-9")
                .allMatch(clause -> clause.equals("JGI-ASYNC-9") || clause.equals("JGI-ASYNC-4"));
    }

    @Test
    void secondSendWhileTheFirstIsPendingBreaksStream3() throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        CountDownLatch bothSent = new CountDownLatch(1);
        AsyncApplication impatient = (request, channel) -> {
            CompletionStage<Void> started = channel.send(start(200));
            CompletionStage<Void> body = channel.send(piece("x", false));
            bothSent.countDown();
            return started.thenCombine(body, (a, b) -> null);
        };
        TestServer.Options slowClient = TestServer.Options.defaults().withSendsWaitingForTheTest(true);
        try (TestServer server = TestServer.startAsync(Validator.wrapAsync(impatient, reporter), slowClient);
                Communicator http = server.open(TestRequest.get("/"))) {
            assertThat(bothSent.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            http.receive(Action.ResponseStart.class, WAIT);
            http.receive(Action.ResponseBody.class, WAIT);
            http.awaitEnd(WAIT);
        }
        assertThat(reporter.clauses()).containsExactly("JGI-STREAM-3");
        assertThat(reporter.violations().get(0).party()).isEqualTo(Violation.Party.APPLICATION);
    }

    @Test
    void secondReceiveWhileTheFirstIsPendingBreaksStream4() throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        CountDownLatch bothAsked = new CountDownLatch(1);
        AsyncApplication greedy = (request, channel) -> {
            CompletionStage<Event> first = channel.receive();
            CompletionStage<Event> second = channel.receive();
            bothAsked.countDown();
            return first.thenCombine(second, (a, b) -> b)
                    .thenCompose(event -> sending(start(204), piece("", false)).handle(request, channel));
        };
        try (TestServer server = TestServer.startAsync(Validator.wrapAsync(greedy, reporter));
                Communicator http = server.open(TestRequest.post("/"))) {
            assertThat(bothAsked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            http.sendBody("a".getBytes(StandardCharsets.UTF_8), false);
            http.sendBody("b".getBytes(StandardCharsets.UTF_8), true);
            assertThat(http.awaitEnd(WAIT).status()).isEqualTo(204);
        }
        assertThat(reporter.clauses()).containsExactly("JGI-STREAM-4");
    }
}
