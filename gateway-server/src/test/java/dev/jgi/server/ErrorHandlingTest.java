package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    @Test
    void failureBeforeCommitYields500WithoutTheMessage() throws Exception {
        Application app = (request, exchange) -> {
            throw new IllegalStateException("secret database password");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            HttpResponse<String> response = Servers.get(server, "/");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("secret").doesNotContain("IllegalStateException");
        }
    }

    @Test
    void devModeShowsTheStackTrace() throws Exception {
        Application app = (request, exchange) -> {
            throw new IllegalStateException("visible in dev");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(app).dev(true))) {
            HttpResponse<String> response = Servers.get(server, "/");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("visible in dev").contains("IllegalStateException");
        }
    }

    @Test
    void failureAfterCommitLeavesTheChunkedBodyWithoutItsFinalChunk() throws Exception {
        Application app = (request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
            out.write("partial".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            throw new IOException("broken halfway");
        }));
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            RawResponse response = RawHttp.exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.framing()).isEqualTo(RawResponse.Framing.CHUNKED);
            assertThat(response.bodyText()).isEqualTo("partial");
            assertThat(response.end()).as("the final chunk is missing").isEqualTo(RawResponse.End.CLOSED_EARLY);
        }
    }

    @Test
    void hopByHopResponseFieldYields500() throws Exception {
        Application app = (request, exchange) -> Response.text(200, "x").withHeader("connection", "keep-alive");
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            assertThat(Servers.get(server, "/").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void contentLengthDisagreeingWithTheBodyYields500() throws Exception {
        Application app = (request, exchange) -> Response.text(200, "four").withHeader("content-length", "10");
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            assertThat(Servers.get(server, "/").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void interimStatusAsTheFinalOneYields500() throws Exception {
        Application app = (request, exchange) -> Response.empty(103);
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            assertThat(Servers.get(server, "/").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void nullResponseYields500() throws Exception {
        Application app = (request, exchange) -> null;
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            assertThat(Servers.get(server, "/").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void headAnswerCarriesNoBody() throws Exception {
        Application app = (request, exchange) -> Response.text(200, "body of a GET");
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            String raw = RawHttp.received(server.port(), "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(raw).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n").doesNotContain("body of a GET");
            assertThat(raw.toLowerCase(Locale.ROOT)).contains("content-length: 13");
        }
    }

    @Test
    void noContentAnswerCarriesNoBody() throws Exception {
        Application app = (request, exchange) -> Response.text(204, "ignored body");
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            String raw = RawHttp.received(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(raw).startsWith("HTTP/1.1 204").endsWith("\r\n\r\n").doesNotContain("ignored");
        }
    }

    @Test
    void setCookieFieldsAreNeverFolded() throws Exception {
        Application app = (request, exchange) ->
                Response.text(200, "x").plusHeader("set-cookie", "a=1").plusHeader("set-cookie", "b=2");
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            assertThat(Servers.get(server, "/").headers().allValues("set-cookie"))
                    .containsExactly("a=1", "b=2");
        }
    }

    @Test
    void completionHooksRunOnceInReverseOrder() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Completion> last = new CompletableFuture<>();
        Application app = (request, exchange) -> {
            exchange.onComplete(c -> {
                ran.add("first");
                last.complete(c);
            });
            exchange.onComplete(c -> {
                ran.add("second");
                throw new IllegalStateException("a failing hook does not stop the others");
            });
            return Response.text(200, "done");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            Servers.get(server, "/");
            Completion completion = last.get(5, TimeUnit.SECONDS);
            assertThat(ran).containsExactly("second", "first");
            assertThat(completion.status()).isEqualTo(200);
            assertThat(completion.bytesSent()).isEqualTo(4);
            assertThat(completion.succeeded()).isTrue();
        }
    }

    @Test
    void streamBodyIsClosedExactlyOnce() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        Application app = (request, exchange) -> Response.of(
                200,
                Headers.of(),
                new Body.Stream(new ByteArrayInputStream("streamed".getBytes(StandardCharsets.US_ASCII)) {
                    @Override
                    public void close() {
                        closes.incrementAndGet();
                    }
                }));
        try (GatewayServer server = Servers.started(Servers.quiet(app))) {
            assertThat(Servers.get(server, "/").body()).isEqualTo("streamed");
            eventually(() -> assertThat(closes).hasValue(1));
        }
    }

    @Test
    void deadlineAnswers503AndInterruptsTheApp() throws Exception {
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Application app = (request, exchange) -> {
            if (request.path().equals("/fast")) {
                return Response.text(200, "fast");
            }
            try {
                Thread.sleep(10_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
            return Response.text(200, "too late");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(app).requestDeadline(Duration.ofMillis(300)))) {
            assertThat(Servers.get(server, "/slow").statusCode()).isEqualTo(503);
            assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(Servers.get(server, "/fast").body()).isEqualTo("fast");
        }
    }

    @Test
    void inFlightCapAnswers503WithRetryAfter() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> entered = new CompletableFuture<>();
        Application app = (request, exchange) -> {
            entered.complete(null);
            release.get(10, TimeUnit.SECONDS);
            return Response.text(200, "ok");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(app).maxConcurrent(1))) {
            CompletableFuture<HttpResponse<String>> first = Servers.CLIENT.sendAsync(
                    java.net.http.HttpRequest.newBuilder(Servers.uri(server, "/"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            entered.get(5, TimeUnit.SECONDS);
            HttpResponse<String> refused = Servers.get(server, "/");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("retry-after")).isPresent();
            release.complete(null);
            assertThat(first.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }
}
