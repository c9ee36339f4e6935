package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Capability;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Applications that keep the contract: the validator reports nothing (no false positives). */
class CorrectApplicationsTest {

    @Test
    void textResponseIsClean() throws Exception {
        Outcome outcome = Outcome.sync(
                        (request, exchange) -> Response.text(200, "hi").withHeader("content-length", "2"),
                        TestRequest.get("/"))
                .clean();
        assertThat(outcome.response().text()).isEqualTo("hi");
    }

    @Test
    void headAnswerWithTheLengthOfTheGetBodyIsClean() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.of(200, Headers.of("content-length", "1000"), Body.empty()),
                        TestRequest.head("/"))
                .clean();
    }

    @Test
    void emptyNoContentAndNotModifiedAreClean() throws Exception {
        Outcome.sync((request, exchange) -> Response.empty(204), TestRequest.get("/"))
                .clean();
        Outcome.sync((request, exchange) -> Response.empty(304).withHeader("etag", "\"v1\""), TestRequest.get("/"))
                .clean();
    }

    @Test
    void streamingWriterWithFlushesAndItsLengthIsClean() throws Exception {
        Outcome outcome = Outcome.sync(
                        (request, exchange) -> Response.of(200, Headers.of("content-length", "6"), Body.writer(out -> {
                            out.write("abc".getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            out.write("def".getBytes(StandardCharsets.UTF_8));
                            out.close();
                        })),
                        TestRequest.get("/"))
                .clean();
        assertThat(outcome.response().text()).isEqualTo("abcdef");
    }

    @Test
    void streamBodyIsReadToItsEndAndClosedOnce() throws Exception {
        Outcome outcome = Outcome.sync(
                        (request, exchange) -> Response.of(
                                200,
                                Headers.of("content-length", "3"),
                                new Body.Stream(new ByteArrayInputStream(new byte[] {1, 2, 3}))),
                        TestRequest.get("/"))
                .clean();
        assertThat(outcome.response().bodyBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void fileBodyIsClean() throws Exception {
        Path file = Files.createTempFile("jgi-validator", ".txt");
        try {
            Files.writeString(file, "0123456789");
            Outcome outcome = Outcome.sync(
                            (request, exchange) -> Response.of(
                                    200,
                                    Headers.of("content-length", "4"),
                                    new Body.FileRegion(file, 3, OptionalLong.of(4))),
                            TestRequest.get("/"))
                    .clean();
            assertThat(outcome.response().text()).isEqualTo("3456");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void readingTheBodyHintsTrailersAndHooksAreClean() throws Exception {
        Application app = (request, exchange) -> {
            byte[] body = exchange.body().readAllBytes();
            assertThat(exchange.body().read()).isEqualTo(-1);
            exchange.sendEarlyHints(Headers.of("link", "</a.css>; rel=preload"));
            exchange.onComplete(completion -> {});
            exchange.onComplete(completion -> {});
            return Response.text(200, new String(body, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT))
                    .withHeader("trailer", "x-checksum")
                    .withTrailers(() -> Headers.of("x-checksum", "42"));
        };
        Outcome outcome = Outcome.sync(
                        app,
                        TestServer.Options.defaults().withMaxPiece(3),
                        TestRequest.post("/")
                                .bodyPieces(
                                        "hel".getBytes(StandardCharsets.UTF_8), "lo".getBytes(StandardCharsets.UTF_8)))
                .clean();
        assertThat(outcome.response().text()).isEqualTo("HELLO");
        assertThat(outcome.response().trailers()).contains(Headers.of("x-checksum", "42"));
        assertThat(outcome.response().earlyHints()).hasSize(1);
    }

    @Test
    void earlyHintsWithoutTheCapabilityAreCleanBecauseTheServerSaysNo() throws Exception {
        Outcome.sync(
                        (request, exchange) -> Response.text(
                                200,
                                Boolean.toString(exchange.sendEarlyHints(Headers.of("link", "</a.css>; rel=preload")))),
                        TestServer.Options.defaults().withCapabilities(),
                        TestRequest.get("/"))
                .clean();
    }

    @Test
    void applicationFailureIsNotAViolation() throws Exception {
        Outcome outcome = Outcome.sync(
                        (request, exchange) -> {
                            throw new IllegalArgumentException("bad input");
                        },
                        TestRequest.get("/"))
                .clean();
        assertThat(outcome.response().status()).isEqualTo(500);
    }

    @Test
    void asyncStreamingWithHintsAndTrailersIsClean() throws Exception {
        AsyncApplication app = (request, channel) -> drain(channel)
                .thenCompose(body -> channel.send(new Action.EarlyHints(Headers.of("link", "</a.js>; rel=preload"))))
                .thenCompose(hinted -> channel.send(
                        new Action.ResponseStart(200, Headers.of("content-length", "4", "trailer", "x-sum"), true)))
                .thenCompose(started -> channel.send(new Action.ResponseBody(bytes("ab"), true)))
                .thenCompose(sent -> channel.send(new Action.ResponseBody(bytes("cd"), false)))
                .thenCompose(sent -> channel.send(new Action.ResponseTrailers(Headers.of("x-sum", "9"))))
                .thenCompose(sent -> channel.receive())
                .thenAccept(disconnect -> assertThat(disconnect).isEqualTo(new Event.Disconnect()));
        Outcome outcome = Outcome.async(
                        app,
                        TestServer.Options.defaults().withMaxPiece(2),
                        TestRequest.post("/").body("xyz"))
                .clean();
        assertThat(outcome.response().text()).isEqualTo("abcd");
    }

    @Test
    void asyncFileActionWithTheCapabilityIsClean() throws Exception {
        Path file = Files.createTempFile("jgi-validator", ".txt");
        try {
            Files.writeString(file, "whole file");
            AsyncApplication app = (request, channel) -> channel.send(
                            new Action.ResponseStart(200, Headers.of("content-length", "10"), false))
                    .thenCompose(
                            started -> channel.send(new Action.ResponseFile(file, 0, OptionalLong.empty(), false)));
            Outcome outcome = Outcome.async(
                            app,
                            TestServer.Options.defaults().withCapabilities(Capability.FILE_SENDING),
                            TestRequest.get("/"))
                    .clean();
            assertThat(outcome.response().text()).isEqualTo("whole file");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void asyncFailureIsNotAViolation() throws Exception {
        Outcome outcome = Outcome.async(
                        (request, channel) -> CompletableFuture.failedFuture(new IllegalStateException("down")),
                        TestRequest.get("/"))
                .clean();
        assertThat(outcome.response().status()).isEqualTo(500);
    }

    @Test
    void asyncApplicationAnsweringADisconnectedClientIsClean() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(first -> channel.receive())
                .thenCompose(event -> event instanceof Event.Disconnect
                        ? CompletableFuture.completedFuture(null)
                        : channel.send(new Action.ResponseStart(204, Headers.of(), false)));
        Outcome.async(
                        app,
                        TestServer.Options.defaults().withMaxPiece(1),
                        TestRequest.post("/").body("abc").clientLeavesAfterPieces(1))
                .clean();
    }

    private static CompletionStage<Void> drain(dev.jgi.api.Channel channel) {
        return channel.receive()
                .thenCompose(event -> event instanceof Event.RequestBody piece && !piece.last()
                        ? drain(channel)
                        : CompletableFuture.completedFuture(null));
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
