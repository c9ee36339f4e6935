package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Capability;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.harness.Communicator;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link Application#fromAsync} and {@link AsyncApplication#fromSync}, run on the harness with the
 * validator on both sides of the adapter: inside, it checks the adapter as the server of the
 * wrapped application; outside, as the application of the harness.
 */
class AdaptersTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final CollectingReporter violations = Reporter.collecting();

    private Application syncFacade(AsyncApplication app) {
        return Validator.wrap(Application.fromAsync(Validator.wrapAsync(app, violations)), violations);
    }

    private AsyncApplication asyncFacade(Application app) {
        return Validator.wrapAsync(AsyncApplication.fromSync(Validator.wrap(app, violations)), violations);
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CompletionStage<String> readBody(dev.jgi.api.Channel channel, StringBuilder text) {
        return channel.receive().thenCompose(event -> {
            Event.RequestBody piece = (Event.RequestBody) event;
            text.append(StandardCharsets.UTF_8.decode(piece.data()));
            return piece.last() ? CompletableFuture.completedFuture(text.toString()) : readBody(channel, text);
        });
    }

    @Test
    void fromSyncServesTextAndReadsTheBodyFromEvents() throws Exception {
        Application upper = (request, exchange) -> Response.text(
                200, new String(exchange.body().readAllBytes(), StandardCharsets.UTF_8).toUpperCase(Locale.ROOT));
        try (TestServer server = TestServer.startAsync(
                asyncFacade(upper), TestServer.Options.defaults().withMaxPiece(2))) {
            TestResponse response = server.send(TestRequest.post("/").body("hello"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("HELLO");
            assertThat(response.header("content-type")).contains("text/plain; charset=utf-8");
        }
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void fromSyncStreamsWhatAWriterFlushesAsBodyPieces() throws Exception {
        AsyncApplication adapted =
                asyncFacade((request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
                    out.write("first".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    out.write("second".getBytes(StandardCharsets.UTF_8));
                })));
        List<Action> actions = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.startAsync(adapted);
                Communicator http = server.open(TestRequest.get("/"))) {
            http.sendBody(new byte[0], true);
            Action next;
            do {
                next = http.receive(WAIT);
                actions.add(next);
            } while (!(next instanceof Action.ResponseBody last && !last.more()));
            assertThat(http.awaitEnd(WAIT).text()).isEqualTo("firstsecond");
        }
        assertThat(actions.get(0)).isInstanceOf(Action.ResponseStart.class);
        assertThat(actions).filteredOn(Action.ResponseBody.class::isInstance).hasSizeGreaterThanOrEqualTo(2);
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void fromSyncSendsTrailersAndEarlyHints() throws Exception {
        AsyncApplication adapted = asyncFacade((request, exchange) -> {
            boolean hinted = exchange.sendEarlyHints(Headers.of("link", "</a.css>; rel=preload"));
            return Response.text(200, "hinted=" + hinted)
                    .withHeader("trailer", "x-sum")
                    .withTrailers(() -> Headers.of("x-sum", "1"));
        });
        try (TestServer server = TestServer.startAsync(adapted)) {
            TestResponse response = server.send(TestRequest.get("/"));
            assertThat(response.text()).isEqualTo("hinted=true");
            assertThat(response.earlyHints()).hasSize(1);
            assertThat(response.trailers()).contains(Headers.of("x-sum", "1"));
        }
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void fromSyncSendsAFileRegionAsAFileActionWhenTheServerCan() throws Exception {
        Path file = Files.createTempFile("jgi-adapters", ".txt");
        try {
            Files.writeString(file, "0123456789");
            AsyncApplication adapted = asyncFacade((request, exchange) ->
                    Response.of(200, Headers.of(), new Body.FileRegion(file, 5, OptionalLong.empty())));
            try (TestServer server = TestServer.startAsync(
                            adapted, TestServer.Options.defaults().withCapabilities(Capability.FILE_SENDING));
                    Communicator http = server.open(TestRequest.get("/"))) {
                http.sendBody(new byte[0], true);
                http.receive(Action.ResponseStart.class, WAIT);
                List<Action> rest = new CopyOnWriteArrayList<>();
                Action next;
                do {
                    next = http.receive(WAIT);
                    rest.add(next);
                } while (!(next instanceof Action.ResponseBody last && !last.more()));
                assertThat(rest).anyMatch(Action.ResponseFile.class::isInstance);
                assertThat(http.awaitEnd(WAIT).text()).isEqualTo("56789");
            }
        } finally {
            Files.delete(file);
        }
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void fromSyncDeniesAWebSocketHandshakeWithTheSyncResponse() throws Exception {
        AtomicReference<Request.Kind> seen = new AtomicReference<>();
        AsyncApplication adapted = asyncFacade((request, exchange) -> {
            seen.set(request.kind());
            return Response.text(403, "no sockets here");
        });
        try (TestServer server = TestServer.startAsync(adapted);
                Communicator ws = server.open(TestRequest.websocket("/"))) {
            ws.send(new Event.WebSocketConnect());
            Action.WebSocketDeny deny = ws.receive(Action.WebSocketDeny.class, WAIT);
            assertThat(deny.status()).isEqualTo(403);
            assertThat(ws.awaitEnd(WAIT).text()).isEqualTo("no sockets here");
        }
        assertThat(seen.get()).isEqualTo(Request.Kind.HTTP);
    }

    @Test
    void fromSyncTurnsANullResponseIntoAFailure() throws Exception {
        CollectingReporter quiet = Reporter.collecting();
        try (TestServer server =
                TestServer.startAsync(AsyncApplication.fromSync(Validator.wrap((request, exchange) -> null, quiet)))) {
            TestResponse response = server.send(TestRequest.get("/"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.failure())
                    .get()
                    .extracting(Throwable::getMessage)
                    .asString()
                    .contains("JGI-APP-3");
        }
        assertThat(quiet.clauses()).containsExactly("JGI-APP-3");
    }

    @Test
    void fromAsyncServesAStreamedResponseThroughTheSyncInterface() throws Exception {
        AsyncApplication echo = (request, channel) -> readBody(channel, new StringBuilder())
                .thenCompose(body -> channel.send(new Action.ResponseStart(200, Headers.of(), false))
                        .thenCompose(started -> channel.send(new Action.ResponseBody(utf8("echo:"), true)))
                        .thenCompose(sent -> channel.send(new Action.ResponseBody(utf8(body), false))));
        try (TestServer server =
                TestServer.start(syncFacade(echo), TestServer.Options.defaults().withMaxPiece(3))) {
            TestResponse response = server.send(TestRequest.post("/").body("abcdefg"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("echo:abcdefg");
        }
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void fromAsyncSendsAnnouncedTrailers() throws Exception {
        AsyncApplication app = (request, channel) -> channel.receive()
                .thenCompose(body -> channel.send(new Action.ResponseStart(200, Headers.of("trailer", "x-sum"), true)))
                .thenCompose(started -> channel.send(Action.ResponseBody.end()))
                .thenCompose(ended -> channel.send(new Action.ResponseTrailers(Headers.of("x-sum", "0"))));
        try (TestServer server = TestServer.start(syncFacade(app))) {
            assertThat(server.send(TestRequest.get("/")).trailers()).contains(Headers.of("x-sum", "0"));
        }
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void fromAsyncRefusesAnActionOutOfOrderNamingTheClause() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        CollectingReporter quiet = Reporter.collecting();
        AsyncApplication app = (request, channel) -> channel.send(new Action.ResponseBody(utf8("early"), false))
                .handle((ignored, failure) -> {
                    refused.set(failure);
                    return null;
                })
                .thenCompose(ignored -> channel.send(new Action.ResponseStart(204, Headers.of(), false)))
                .thenCompose(started -> channel.send(Action.ResponseBody.end()));
        try (TestServer server = TestServer.start(Application.fromAsync(Validator.wrapAsync(app, quiet)))) {
            assertThat(server.send(TestRequest.get("/")).status()).isEqualTo(204);
        }
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("JGI-ASYNC-3");
        assertThat(quiet.clauses()).containsExactly("JGI-ASYNC-3");
    }

    @Test
    void bothAdaptersHandLifespanThrough() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        AtomicReference<Map<String, Object>> state = new AtomicReference<>();
        Application sync = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) {
                calls.add("start " + server.name());
                return Map.of("k", "v");
            }

            @Override
            public void stop() {
                calls.add("stop");
            }

            @Override
            public Response handle(Request request, dev.jgi.api.Exchange exchange) {
                state.set(request.state());
                return Response.empty(204);
            }
        };
        try (TestServer server = TestServer.start(Application.fromAsync(AsyncApplication.fromSync(sync)))) {
            assertThat(server.state()).containsEntry("k", "v");
            assertThat(server.send(TestRequest.get("/")).status()).isEqualTo(204);
        }
        assertThat(state.get()).containsEntry("k", "v");
        assertThat(calls).containsExactly("start jgi-harness", "stop");
    }
}
