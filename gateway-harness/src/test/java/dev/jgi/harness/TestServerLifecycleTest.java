package dev.jgi.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Capability;
import dev.jgi.api.Lifespan;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The test server's own life: the application's lifespan, its state, and the per-request timeout. */
class TestServerLifecycleTest {

    @Test
    void lifespanStateReachesEveryRequestAndStopRunsOnce() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        AtomicReference<ServerInfo> info = new AtomicReference<>();
        Application app = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) {
                info.set(server);
                return Map.of("pool", "db-pool");
            }

            @Override
            public void stop() {
                stops.incrementAndGet();
            }

            @Override
            public Response handle(Request request, dev.jgi.api.Exchange exchange) {
                return Response.text(200, String.valueOf(request.state().get("pool")));
            }
        };
        TestServer server = TestServer.start(app, TestServer.Options.defaults().withCapabilities(Capability.TRAILERS));
        assertThat(server.send(TestRequest.get("/")).text()).isEqualTo("db-pool");
        assertThat(server.send(TestRequest.get("/")).text()).isEqualTo("db-pool");
        server.close();
        server.close();

        assertThat(stops).hasValue(1);
        assertThat(info.get().specVersion()).isEqualTo("1.0");
        assertThat(info.get().capabilities()).containsExactly(Capability.TRAILERS);
    }

    @Test
    void failingStartIsReportedAndStopIsNotCalled() {
        AtomicBoolean stopped = new AtomicBoolean();
        Application app = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) throws Exception {
                throw new Exception("no database");
            }

            @Override
            public void stop() {
                stopped.set(true);
            }

            @Override
            public Response handle(Request request, dev.jgi.api.Exchange exchange) {
                return Response.empty(204);
            }
        };
        assertThatThrownBy(() -> TestServer.start(app)).hasMessage("no database");
        assertThat(stopped).isFalse();
    }

    @Test
    void applicationThatNeverAnswersFailsTheTestAfterTheTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (TestServer server = TestServer.start(
                (request, exchange) -> {
                    never.await();
                    return Response.empty(204);
                },
                TestServer.Options.defaults().withTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> server.send(TestRequest.get("/slow")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GET /slow");
        }
    }

    @Test
    void lifespanWithoutOverridesHandsEmptyState() throws Exception {
        Lifespan plain = new Lifespan() {};
        assertThat(plain.start(new ServerInfo("x", "1", "1.0", Set.of()))).isEmpty();
        try (TestServer server = TestServer.start((request, exchange) -> Response.empty(204))) {
            assertThat(server.state()).isEmpty();
            assertThat(new ArrayList<>(server.info().capabilities())).contains(Capability.WEBSOCKET);
        }
    }
}
