package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.AsyncMiddleware;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Exchange;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Middleware} and {@link AsyncMiddleware} composition on the harness. A validator inside
 * the middleware checks it as the server of the wrapped application; one outside checks it as
 * the application of the harness.
 */
class MiddlewareTest {

    private final CollectingReporter violations = Reporter.collecting();
    private final List<String> trace = new CopyOnWriteArrayList<>();

    private Application recordingApp() {
        return new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) {
                trace.add("start");
                return Map.of("db", "pool");
            }

            @Override
            public void stop() {
                trace.add("stop");
            }

            @Override
            public Response handle(Request request, Exchange exchange) {
                trace.add("app " + request.target().mountPath() + " " + request.path() + " "
                        + request.state().get("db"));
                return Response.text(200, "inner");
            }
        };
    }

    private Middleware tagging(String name) {
        return (request, exchange, next) -> {
            trace.add("in " + name);
            Response response = next.handle(request, exchange);
            trace.add("out " + name);
            return response.plusHeader("x-via", name);
        };
    }

    /** Routes {@code /api/...} to the wrapped application, re-mounted at {@code /api} [JGI-MW-2]. */
    private static final Middleware API_ROUTER = (request, exchange, next) -> request.target()
            .mountedAt("/api")
            .map(target -> {
                try {
                    return next.handle(request.withTarget(target), exchange);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })
            .orElseGet(() -> Response.text(404, "not under /api"));

    @Test
    void wrapHandsLifespanThroughOnceAndKeepsTheState() throws Exception {
        Application app = Validator.wrap(tagging("a").wrap(Validator.wrap(recordingApp(), violations)), violations);
        try (TestServer server = TestServer.start(app)) {
            assertThat(server.state()).containsEntry("db", "pool");
            assertThat(server.send(TestRequest.get("/x")).header("x-via")).contains("a");
        }
        assertThat(trace).containsExactly("start", "in a", "app  /x pool", "out a", "stop");
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void andThenRunsTheOuterMiddlewareFirstOnTheWayInAndLastOnTheWayOut() throws Exception {
        Application app = tagging("outer").andThen(tagging("inner")).wrap(Validator.wrap(recordingApp(), violations));
        try (TestServer server = TestServer.start(Validator.wrap(app, violations))) {
            TestResponse response = server.send(TestRequest.get("/"));
            assertThat(response.headers().all("x-via")).containsExactly("inner", "outer");
        }
        assertThat(trace).containsSubsequence("in outer", "in inner", "app  / pool", "out inner", "out outer");
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void routerReMountsWithMountedAtAndKeepsThePathInvariants() throws Exception {
        Application app = API_ROUTER.wrap(Validator.wrap(recordingApp(), violations));
        try (TestServer server = TestServer.start(
                Validator.wrap(app, violations), TestServer.Options.defaults().withMount("/shop"))) {
            assertThat(server.send(TestRequest.get("/shop/api/users?id=1")).text())
                    .isEqualTo("inner");
            assertThat(server.send(TestRequest.get("/shop/api")).text()).isEqualTo("inner");
            assertThat(server.send(TestRequest.get("/shop/apiary")).status()).isEqualTo(404);
        }
        assertThat(trace).contains("app /shop/api /users pool", "app /shop/api  pool");
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void validatorInsideCatchesAMiddlewareThatForgetsLifespan() throws Exception {
        Application inner = Validator.wrap(recordingApp(), violations);
        Application forgetful = (request, exchange) -> inner.handle(request, exchange);
        try (TestServer server = TestServer.start(forgetful)) {
            server.send(TestRequest.get("/"));
        }
        assertThat(violations.clauses()).containsExactly("JGI-LIFE-1");
        assertThat(violations.violations().get(0).party()).isEqualTo(Violation.Party.SERVER);
    }

    /** Adds a header to the response start by handing the application a channel of its own. */
    private static final AsyncMiddleware STAMP = (request, channel, next) -> next.handle(request, new Channel() {
        @Override
        public CompletionStage<Event> receive() {
            return channel.receive();
        }

        @Override
        public CompletionStage<Void> send(Action action) {
            return channel.send(
                    action instanceof Action.ResponseStart start
                            ? new Action.ResponseStart(
                                    start.status(), start.headers().plus("x-stamp", "1"), start.trailers())
                            : action);
        }

        @Override
        public void onComplete(Consumer<Completion> hook) {
            channel.onComplete(hook);
        }

        @Override
        public void limitBody(long maxBytes) {

            channel.limitBody(maxBytes);
        }
    });

    @Test
    void asyncMiddlewareSeesActionsAndHandsLifespanThrough() throws Exception {
        AsyncApplication inner = AsyncApplication.fromSync(recordingApp());
        AsyncApplication app =
                Validator.wrapAsync(STAMP.andThen(STAMP).wrap(Validator.wrapAsync(inner, violations)), violations);
        try (TestServer server = TestServer.startAsync(app)) {
            assertThat(server.state()).containsEntry("db", "pool");
            TestResponse response = server.send(TestRequest.get("/async"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers().all("x-stamp")).containsExactly("1", "1");
        }
        assertThat(trace).containsExactly("start", "app  /async pool", "stop");
        assertThat(violations.violations()).isEmpty();
    }

    @Test
    void asyncMiddlewareThatChangesNothingIsTransparentToTheEventOrder() throws Exception {
        AsyncMiddleware passThrough = (request, channel, next) -> next.handle(request, channel);
        AsyncApplication echo = (request, channel) -> channel.receive()
                .thenCompose(body -> channel.send(new Action.ResponseStart(200, dev.jgi.api.Headers.of(), false))
                        .thenCompose(started ->
                                channel.send(new Action.ResponseBody(((Event.RequestBody) body).data(), false))));
        try (TestServer server = TestServer.startAsync(
                Validator.wrapAsync(passThrough.wrap(Validator.wrapAsync(echo, violations)), violations))) {
            assertThat(server.send(TestRequest.post("/").body("same")).text()).isEqualTo("same");
        }
        assertThat(violations.violations()).isEmpty();
    }
}
