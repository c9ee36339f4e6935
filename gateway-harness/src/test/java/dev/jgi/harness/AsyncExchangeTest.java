package dev.jgi.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An async application run whole by {@link TestServer#send}. */
class AsyncExchangeTest {

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TestResponse send(AsyncApplication app, TestServer.Options options, TestRequest request)
            throws Exception {
        try (TestServer server = TestServer.startAsync(app, options)) {
            return server.send(request);
        }
    }

    private static TestResponse send(AsyncApplication app, TestRequest request) throws Exception {
        return send(app, TestServer.Options.defaults(), request);
    }

    /** Receives events until the last body piece, collecting them, then answers with their count. */
    private static CompletionStage<Void> readAll(dev.jgi.api.Channel channel, List<Event> events) {
        return channel.receive().thenCompose(event -> {
            events.add(event);
            if (event instanceof Event.RequestBody piece && !piece.last()) {
                return readAll(channel, events);
            }
            return channel.send(new Action.ResponseStart(200, Headers.of(), false))
                    .thenCompose(started -> channel.send(new Action.ResponseBody(utf8("n=" + events.size()), false)));
        });
    }

    @Test
    void bodyArrivesAsBoundedPiecesWithOnlyTheLastMarkedLast() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        TestResponse response = send(
                (request, channel) -> readAll(channel, events),
                TestServer.Options.defaults().withMaxPiece(3),
                TestRequest.post("/").body("abcdefgh"));

        assertThat(response.text()).isEqualTo("n=3");
        assertThat(events)
                .extracting(event -> ((Event.RequestBody) event).last())
                .containsExactly(false, false, true);
        assertThat(events)
                .extracting(event -> ((Event.RequestBody) event).data().remaining())
                .containsExactly(3, 3, 2);
    }

    @Test
    void requestWithoutBodyGivesOneEmptyLastPiece() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        send((request, channel) -> readAll(channel, events), TestRequest.get("/"));
        assertThat(events).containsExactly(new Event.RequestBody(ByteBuffer.allocate(0), true));
    }

    @Test
    void disconnectFollowsTheResponseOnEveryLaterReceive() throws Exception {
        List<Event> after = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> twoDisconnects = new CompletableFuture<>();
        TestResponse response = send(
                (request, channel) -> channel.receive()
                        .thenCompose(body -> channel.send(new Action.ResponseStart(200, Headers.of(), false)))
                        .thenCompose(started -> channel.send(Action.ResponseBody.end()))
                        .thenCompose(sent -> channel.receive())
                        .thenCompose(first -> {
                            after.add(first);
                            return channel.receive();
                        })
                        .thenAccept(second -> {
                            after.add(second);
                            twoDisconnects.complete(null);
                        }),
                TestRequest.get("/"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(twoDisconnects).isDone();
        assertThat(after).containsExactly(new Event.Disconnect(), new Event.Disconnect());
    }

    @Test
    void actionOutOfOrderFailsItsStageAndSendsNothing() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        TestResponse response = send(
                (request, channel) -> channel.send(new Action.ResponseBody(utf8("early"), true))
                        .handle((ignored, failure) -> {
                            refused.set(failure);
                            return null;
                        })
                        .thenCompose(ignored -> channel.send(new Action.ResponseStart(200, Headers.of(), false)))
                        .thenCompose(ignored -> channel.send(new Action.ResponseBody(utf8("late"), false))),
                TestRequest.get("/"));

        assertThat(refused.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("JGI-ASYNC-5");
        assertThat(response.text()).isEqualTo("late");
    }

    @Test
    void stageEndingBeforeTheResponseStartIs500() throws Exception {
        TestResponse response =
                send((request, channel) -> CompletableFuture.completedFuture(null), TestRequest.get("/"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.failure())
                .get()
                .extracting(Throwable::getMessage)
                .asString()
                .contains("JGI-ERR-6");
    }

    @Test
    void stageFailingAfterTheStartAbortsTheExchange() throws Exception {
        TestResponse response = send(
                (request, channel) -> channel.send(new Action.ResponseStart(200, Headers.of(), false))
                        .thenCompose(started -> channel.send(new Action.ResponseBody(utf8("half"), true)))
                        .thenCompose(sent -> CompletableFuture.failedFuture(new IllegalStateException("boom"))),
                TestRequest.get("/"));

        assertThat(response.aborted()).isTrue();
        assertThat(response.text()).isEqualTo("half");
        assertThat(response.completion().error())
                .get()
                .extracting(Throwable::getMessage)
                .isEqualTo("boom");
    }

    @Test
    void nullStageIs500() throws Exception {
        TestResponse response = send((request, channel) -> null, TestRequest.get("/"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.failure())
                .get()
                .extracting(Throwable::getMessage)
                .asString()
                .contains("JGI-APP-5");
    }

    @Test
    void announcedTrailersFollowTheLastPiece() throws Exception {
        TestResponse response = send(
                (request, channel) -> channel.send(new Action.ResponseStart(200, Headers.of(), true))
                        .thenCompose(started -> channel.send(new Action.ResponseBody(utf8("data"), false)))
                        .thenCompose(sent -> channel.send(new Action.ResponseTrailers(Headers.of("x-sum", "7")))),
                TestRequest.get("/"));

        assertThat(response.text()).isEqualTo("data");
        assertThat(response.trailers()).contains(Headers.of("x-sum", "7"));
        assertThat(response.aborted()).isFalse();
    }

    @Test
    void actionNeedingAnUndeclaredCapabilityIsRefused() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        TestResponse response = send(
                (request, channel) -> channel.send(new Action.EarlyHints(Headers.of("link", "</x>")))
                        .handle((ignored, failure) -> {
                            refused.set(failure);
                            return null;
                        })
                        .thenCompose(ignored -> channel.send(new Action.ResponseStart(204, Headers.of(), false)))
                        .thenCompose(ignored -> channel.send(Action.ResponseBody.end())),
                TestServer.Options.defaults().withCapabilities(),
                TestRequest.get("/"));

        assertThat(refused.get()).hasMessageContaining("JGI-CAP-5");
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.earlyHints()).isEmpty();
    }

    @Test
    void fileActionSendsTheRegion() throws Exception {
        Path file = Files.createTempFile("jgi-harness", ".txt");
        try {
            Files.writeString(file, "0123456789");
            TestResponse response = send(
                    (request, channel) -> channel.send(new Action.ResponseStart(200, Headers.of(), false))
                            .thenCompose(started ->
                                    channel.send(new Action.ResponseFile(file, 2, OptionalLong.of(5), false))),
                    TestServer.Options.defaults().withCapabilities(Capability.FILE_SENDING),
                    TestRequest.get("/"));
            assertThat(response.text()).isEqualTo("23456");
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void clientLeavingMidBodyYieldsDisconnectAndFailsSends() throws Exception {
        List<Event> events = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> sendFailure = new AtomicReference<>();
        TestResponse response = send(
                (request, channel) -> channel.receive()
                        .thenCompose(first -> {
                            events.add(first);
                            return channel.receive();
                        })
                        .thenCompose(second -> {
                            events.add(second);
                            return channel.send(new Action.ResponseStart(200, Headers.of(), false));
                        })
                        .handle((ignored, failure) -> {
                            sendFailure.set(failure);
                            return null;
                        }),
                TestServer.Options.defaults().withMaxPiece(2),
                TestRequest.post("/").body("abcdef").clientLeavesAfterPieces(1));

        assertThat(events.get(1)).isEqualTo(new Event.Disconnect());
        assertThat(sendFailure.get()).hasRootCauseInstanceOf(dev.jgi.api.ClientDisconnectedException.class);
        assertThat(response.completion().error()).isPresent();
    }
}
