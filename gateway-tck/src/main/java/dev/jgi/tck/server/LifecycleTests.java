package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.OpenExchange;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.spi.ServerUnderTest;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/** Chapter 9 of the spec: lifespan, completion hooks and capabilities. */
class LifecycleTests {

    @ServerTest
    @Clause("JGI-LIFE-1")
    @Clause("JGI-CAP-1")
    @Clause("JGI-VER-1")
    void startRanOnceAndAnnouncedTheServer(Probe probe) {
        for (int i = 0; i < 3; i++) {
            probe.echo(probe.exchange(probe.head("GET", "/warm")));
        }
        RawResponseJson info = RawResponseJson.of(probe, "/_tck/info");
        assertThat(info.json().path("starts").asInt()).as("start calls").isEqualTo(1);
        assertThat(info.json().path("specVersion").asText()).isEqualTo(ServerInfo.SPEC_VERSION);
        assertThat(info.json().path("name").asText()).isNotBlank();
        assertThat(info.json().path("capabilities").isArray()).isTrue();
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-LIFE-5")
    void stopRunsOnceAtShutdown(Probe probe) throws Exception {
        ServerUnderTest server = embedded(probe);
        AtomicInteger starts = new AtomicInteger();
        AtomicInteger stops = new AtomicInteger();
        Application app = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo info) {
                starts.incrementAndGet();
                return Map.of();
            }

            @Override
            public void stop() {
                stops.incrementAndGet();
            }

            @Override
            public Response handle(dev.jgi.api.Request request, dev.jgi.api.Exchange exchange) {
                return Response.text(200, "up");
            }
        };
        try (ServerUnderTest.Started started = server.start(app, "")) {
            try (RawConnection connection =
                    RawConnection.open(started.address(), probe.transcript(), probe.timeout())) {
                assertThat(connection
                                .send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                                .readResponse()
                                .bodyText())
                        .isEqualTo("up");
            }
            assertThat(stops.get()).as("stop calls while running").isZero();
        }
        assertThat(starts.get()).isEqualTo(1);
        assertThat(stops.get()).as("stop calls after shutdown").isEqualTo(1);
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-LIFE-3")
    @Clause("JGI-LIFE-6")
    void failedStartServesNothingAndNeverStops(Probe probe) {
        ServerUnderTest server = embedded(probe);
        String message = "refusing to start, as the TCK asked " + UUID.randomUUID();
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger stops = new AtomicInteger();
        Application app = new Application() {
            @Override
            public Map<String, Object> start(ServerInfo info) {
                throw new IllegalStateException(message);
            }

            @Override
            public void stop() {
                stops.incrementAndGet();
            }

            @Override
            public Response handle(dev.jgi.api.Request request, dev.jgi.api.Exchange exchange) {
                handled.incrementAndGet();
                return Response.text(200, "should not be served");
            }
        };
        Throwable failure = null;
        try (ServerUnderTest.Started started = server.start(app, "")) {
            try (RawConnection connection =
                    RawConnection.open(started.address(), probe.transcript(), probe.timeout())) {
                connection
                        .send("GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                        .tryReadResponse("GET");
            } catch (RuntimeException refused) {
                // a refused connection is one way of serving nothing
            }
        } catch (Exception e) {
            failure = e;
        }
        assertThat(handled.get()).as("requests handled after a failed start").isZero();
        assertThat(stops.get()).as("stop calls after a failed start").isZero();
        assertThat(failure).as("the start failure reported to the operator").isNotNull();
        assertThat(chain(failure)).contains(message);
    }

    @ServerTest
    @Clause("JGI-DONE-1")
    @Clause("JGI-DONE-2")
    @Clause("JGI-DONE-3")
    @Clause("JGI-DONE-4")
    void completionHooksRunOnceInReverseOrderDespiteAFailingOne(Probe probe) {
        String key = UUID.randomUUID().toString();
        assertThat(probe.exchange(probe.head("GET", probe.path("/_tck/hooks/" + key)))
                        .bodyText())
                .isEqualTo("hooks registered");
        List<String> events = probe.log(key, 3);
        assertThat(events)
                .containsExactly(
                        "third status=200 bytes=16 ok=true",
                        "second status=200 bytes=16 ok=true",
                        "first status=200 bytes=16 ok=true");
        RequestBodyTests.sleep(100);
        assertThat(probe.log(key, 3)).as("hooks ran exactly once").hasSize(3);
    }

    @ServerTest
    @Clause("JGI-DONE-1")
    @Clause("JGI-DONE-3")
    void completionHookRunsWhenTheApplicationFails(Probe probe) {
        String key = UUID.randomUUID().toString();
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/hooks-fail/" + key)));
        assertThat(response.status()).isEqualTo(500);
        assertThat(probe.log(key, 1))
                .as("a failure answered with a complete 500 before commit is no abort: no error")
                .containsExactly("hook status=500 bytes=" + response.body().length + " ok=true");
    }

    @ServerTest
    @Clause("JGI-DONE-3")
    void completionOfAHeadRequestCountsNoBodyBytes(Probe probe) {
        String key = UUID.randomUUID().toString();
        RawResponse response = probe.exchange(probe.head("HEAD", probe.path("/_tck/hooks/" + key)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(probe.log(key, 3))
                .as("a HEAD response sends no body bytes")
                .allMatch(event -> event.endsWith(" status=200 bytes=0 ok=true"))
                .hasSize(3);
    }

    @ServerTest
    @Clause("JGI-DONE-1")
    @Clause("JGI-DONE-3")
    void completionOfAnExchangeTheClientLeftCarriesTheError(Probe probe) {
        String key = UUID.randomUUID().toString();
        try (OpenExchange exchange = probe.begin(probe.head("GET", probe.path("/_tck/flood/" + key)))) {
            assertThat(exchange.bytesArrive()).as("the response started").isTrue();
            exchange.leave();
            List<String> done = probe.log(key + ".done", 1);
            assertThat(done).as("completion of the abandoned exchange").hasSize(1);
            assertThat(done.getFirst())
                    .as("status sent, body bytes sent before the client left, and the error")
                    .matches("status=200 bytes=[1-9][0-9]* ok=false");
        }
    }

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest
    @Clause("JGI-CAP-2")
    void undeclaredWebSocketHandshakeReachesTheApplicationAsPlainHttp(Probe probe) {
        Assumptions.assumeFalse(probe.session().capabilities().contains("WEBSOCKET"), "the server declares WEBSOCKET");
        var response = probe.exchange(probe.head(
                "GET",
                "/ws",
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version: 13"));
        assertThat(response.status())
                .as("no switch to WebSocket without the capability")
                .isNotEqualTo(101);
        assertThat(probe.echo(response).kind()).isEqualTo("HTTP");
    }

    @Http1Only("drives its own HTTP/1.1 connection to a server it shuts down")
    @ServerTest(Variant.SYNC)
    @Requires(Capability.DRAIN_SIGNAL)
    @Clause("JGI-LIFE-9")
    void aGracefulShutdownSignalsTheStreamsInFlight(Probe probe) throws Exception {
        ServerUnderTest server = embedded(probe);
        CountDownLatch streaming = new CountDownLatch(1);
        Application app = (request, exchange) -> {
            CompletableFuture<Boolean> drained = new CompletableFuture<>();
            exchange.onDrain(() -> drained.complete(true));
            return Response.of(200, Headers.of("content-type", "text/event-stream"), Body.writer(out -> {
                out.write("data: started\n\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                streaming.countDown();
                boolean signalled =
                        drained.completeOnTimeout(false, 20, TimeUnit.SECONDS).join();
                out.write((signalled ? "data: bye\n\n" : "data: no drain signal\n\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }));
        };
        ServerUnderTest.Started started = server.start(app, "");
        Thread closing = Thread.ofVirtual().unstarted(() -> {
            try {
                started.close();
            } catch (Exception e) {
                throw new IllegalStateException("the server failed to shut down", e);
            }
        });
        RawResponse response;
        try (RawConnection connection = RawConnection.open(started.address(), probe.transcript(), probe.timeout())) {
            connection.send("GET /events HTTP/1.1\r\nHost: t\r\n\r\n");
            assertThat(streaming.await(probe.timeout().toMillis(), TimeUnit.MILLISECONDS))
                    .as("the stream started")
                    .isTrue();
            // The shutdown runs beside the client, which reads the stream to its end meanwhile.
            closing.start();
            response = connection.readResponse();
        } finally {
            if (!closing.isAlive() && closing.getState() == Thread.State.NEW) {
                started.close();
            }
            closing.join();
        }
        assertThat(response.complete()).as("the stream ended cleanly, not cut").isTrue();
        assertThat(response.bodyText()).isEqualTo("data: started\n\ndata: bye\n\n");
    }

    private static ServerUnderTest embedded(Probe probe) {
        Assumptions.assumeTrue(probe.session().embedded().isPresent(), "needs an embedded server (not external mode)");
        return probe.session().embedded().orElseThrow();
    }

    private static String chain(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" / ");
        }
        return text.toString();
    }
}
