package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.server.tls.TestCertificates;
import dev.jgi.testing.RawHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that leaves while its application waits is noticed without a write: an async
 * {@code receive} yields {@code Event.Disconnect} [JGI-DISC-3], a sync body read throws
 * {@link ClientDisconnectedException} [JGI-DISC-1], and {@code isDisconnected} turns true
 * [JGI-DISC-2]; over HTTP/1.1 (connection closed) and HTTP/2 (stream reset, connection closed).
 */
@Timeout(60)
class DisconnectTest {

    /** How long the server may take to notice; it takes milliseconds, the margin is for a loaded machine. */
    private static final long BOUND_SECONDS = 10;

    @TempDir
    static Path dir;

    static TestCertificates.Pem pem;
    static SSLContext trusting;

    @BeforeAll
    static void certificates() throws Exception {
        pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        trusting = TestCertificates.trusting(pem);
    }

    /** An async app that reads the body, may start its response, and reports the first event that is not body. */
    private static final class Waiter {
        final CompletableFuture<Void> waiting = new CompletableFuture<>();
        final CompletableFuture<Event> outcome = new CompletableFuture<>();
        private final long waitAfter;
        private final boolean respondFirst;

        /** @param waitAfter the body bytes after which the app is waiting for what the client does next */
        Waiter(long waitAfter, boolean respondFirst) {
            this.waitAfter = waitAfter;
            this.respondFirst = respondFirst;
        }

        AsyncApplication app() {
            return (request, channel) -> {
                CompletionStage<Void> started = respondFirst
                        ? channel.send(new Action.ResponseStart(200, Headers.of(), false))
                                .thenCompose(sent -> channel.send(new Action.ResponseBody(
                                        ByteBuffer.wrap("partial".getBytes(StandardCharsets.US_ASCII)), true)))
                        : CompletableFuture.completedFuture(null);
                return started.thenCompose(sent -> next(channel, 0));
            };
        }

        private CompletionStage<Void> next(Channel channel, long received) {
            if (received >= waitAfter) {
                waiting.complete(null);
            }
            return channel.receive().thenCompose(event -> {
                if (event instanceof Event.RequestBody body) {
                    // After the last piece the app keeps receiving: that receive waits for the end [JGI-DISC-3].
                    return next(channel, received + body.data().remaining());
                }
                outcome.complete(event);
                return CompletableFuture.completedFuture(null);
            });
        }

        void assertDisconnectArrives() throws Exception {
            assertThat(outcome.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(Event.Disconnect.class);
        }
    }

    @Test
    void asyncAppWaitingAfterTheBodyIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(0, false);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app()))) {
            closeWhileWaiting(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", waiter);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingAfterAWholeBodyIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(5, false);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app()))) {
            closeWhileWaiting(server, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", waiter);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingAfterAWholeChunkedBodyIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(5, false);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app()))) {
            closeWhileWaiting(
                    server,
                    "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                    waiter);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingWithItsResponseStartedIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(0, true);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app()))) {
            closeWhileWaiting(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n", waiter);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingForABodyNotYetSentIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(0, false);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app()))) {
            closeWhileWaiting(server, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n", waiter);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingForTheRestOfABodyIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(50, false);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app()))) {
            closeWhileWaiting(
                    server, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "x".repeat(50), waiter);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingForTheRestOfAChunkedBodyIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(5, false);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app()))) {
            closeWhileWaiting(
                    server, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", waiter);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingAfterTheBodyOverTlsIsToldWhenTheClientCloses() throws Exception {
        Waiter waiter = new Waiter(0, false);
        try (GatewayServer server = Servers.started(Servers.quietAsync(waiter.app())
                .tls(pem.certFile(), pem.keyFile())
                .http2(false))) {
            try (Socket socket = trusting.getSocketFactory().createSocket("localhost", server.port())) {
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                waiter.waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);
            }
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingAfterTheBodyIsToldWhenAnHttp2StreamIsReset() throws Exception {
        Waiter waiter = new Waiter(0, false);
        try (GatewayServer server =
                        Servers.started(Servers.quietAsync(waiter.app()).tls(pem.certFile(), pem.keyFile()));
                HttpClient client = http2()) {
            CompletableFuture<HttpResponse<String>> response =
                    client.sendAsync(get(server), HttpResponse.BodyHandlers.ofString());
            waiter.waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);
            response.cancel(true);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingForTheRestOfABodyIsToldWhenAnHttp2StreamIsReset() throws Exception {
        Waiter waiter = new Waiter(50, false);
        try (GatewayServer server =
                        Servers.started(Servers.quietAsync(waiter.app()).tls(pem.certFile(), pem.keyFile()));
                HttpClient client = http2()) {
            HttpRequest post = HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/"))
                    .POST(new HalfBody(50))
                    .build();
            CompletableFuture<HttpResponse<String>> response =
                    client.sendAsync(post, HttpResponse.BodyHandlers.ofString());
            waiter.waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);
            response.cancel(true);
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void asyncAppWaitingWithItsResponseStartedIsToldWhenAnHttp2StreamIsReset() throws Exception {
        Waiter waiter = new Waiter(0, true);
        try (GatewayServer server =
                        Servers.started(Servers.quietAsync(waiter.app()).tls(pem.certFile(), pem.keyFile()));
                HttpClient client = http2()) {
            CompletableFuture<HttpResponse<InputStream>> response =
                    client.sendAsync(get(server), HttpResponse.BodyHandlers.ofInputStream());
            waiter.waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);
            response.get(BOUND_SECONDS, TimeUnit.SECONDS).body().close();
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void watchedHttp11ConnectionKeepsAPipelinedRequestAndAnswersIt() throws Exception {
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        AsyncApplication app = (request, channel) -> {
            if (!request.path().equals("/wait")) {
                return respond(channel, "next");
            }
            return channel.receive().thenCompose(body -> {
                // The second receive arms the watch; the test's release answers instead of the client leaving.
                channel.receive();
                waiting.complete(null);
                return release.thenCompose(go -> respond(channel, "waited"));
            });
        };
        try (GatewayServer server = Servers.started(Servers.quietAsync(app));
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            send(socket, "GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
            waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);
            send(socket, "GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
            Thread.sleep(200); // lets the watch take the pipelined bytes first, which it must hand back
            release.complete(null);
            RawHttp.Framed first = RawHttp.readFramed(socket.getInputStream());
            RawHttp.Framed second = RawHttp.readFramed(socket.getInputStream());
            assertThat(new String(first.body(), StandardCharsets.US_ASCII)).isEqualTo("waited");
            assertThat(new String(second.body(), StandardCharsets.US_ASCII)).isEqualTo("next");
        }
    }

    @Test
    void syncAppAskingWhileItsClientStaysSeesItConnectedAndTheConnectionIsReused() throws Exception {
        Application polls = (request, exchange) -> {
            for (int i = 0; i < 20; i++) {
                if (exchange.isDisconnected()) {
                    return Response.text(500, "wrongly disconnected");
                }
                Thread.sleep(10);
            }
            return Response.text(200, "still here " + request.path());
        };
        try (GatewayServer server = Servers.started(Servers.quiet(polls));
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            for (String path : List.of("/one", "/two")) {
                send(socket, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
                RawHttp.Framed response = RawHttp.readFramed(socket.getInputStream());
                assertThat(new String(response.body(), StandardCharsets.US_ASCII))
                        .isEqualTo("still here " + path);
            }
        }
    }

    @Test
    void asyncAppWaitingAfterTheBodyIsToldWhenTheHttp2ConnectionCloses() throws Exception {
        Waiter waiter = new Waiter(0, false);
        try (GatewayServer server =
                Servers.started(Servers.quietAsync(waiter.app()).tls(pem.certFile(), pem.keyFile()))) {
            HttpClient client = http2();
            // No response comes: the client shuts down while the application waits.
            var unused = client.sendAsync(get(server), HttpResponse.BodyHandlers.ofString());
            waiter.waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);
            client.shutdownNow();
            waiter.assertDisconnectArrives();
        }
    }

    @Test
    void syncAppReadingABodyTheClientAbandonsGetsClientDisconnected() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<Void> reading = new CompletableFuture<>();
        Application reads = (request, exchange) -> {
            try {
                exchange.body().readNBytes(50);
                reading.complete(null);
                exchange.body().readAllBytes();
                failure.complete(null);
            } catch (Exception e) {
                failure.complete(e);
                throw e;
            }
            return Response.text(200, "read");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(reads))) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                send(socket, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "x".repeat(50));
                reading.get(BOUND_SECONDS, TimeUnit.SECONDS);
            }
            assertThat(failure.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ClientDisconnectedException.class);
        }
    }

    @Test
    void syncAppSeesIsDisconnectedWithoutWritingOnceTheClientCloses() throws Exception {
        CompletableFuture<Void> working = new CompletableFuture<>();
        CompletableFuture<Boolean> noticed = new CompletableFuture<>();
        Application waits = (request, exchange) -> {
            working.complete(null);
            try {
                eventually(
                        Duration.ofSeconds(BOUND_SECONDS),
                        () -> assertThat(exchange.isDisconnected()).isTrue());
            } catch (AssertionError notNoticed) {
                // The test's own assertion reports it, on the test's thread.
            }
            noticed.complete(exchange.isDisconnected());
            return Response.text(200, "too late");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(waits))) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                working.get(BOUND_SECONDS, TimeUnit.SECONDS);
            }
            assertThat(noticed.get(2 * BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void syncAppWhoseWriteFailedBecauseTheClientLeftSeesIsDisconnected() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Application floods = (request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
                seen.complete("never failed");
            } catch (ClientDisconnectedException e) {
                seen.complete("isDisconnected=" + exchange.isDisconnected());
                throw e;
            }
        }));
        try (GatewayServer server = Servers.started(Servers.quiet(floods))) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                send(socket, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                socket.getInputStream().readNBytes(100_000);
            }
            assertThat(seen.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("isDisconnected=true");
        }
    }

    private static CompletionStage<Void> respond(Channel channel, String text) {
        return channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                .thenCompose(sent -> channel.send(
                        new Action.ResponseBody(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)), false)));
    }

    private static void closeWhileWaiting(GatewayServer server, String request, Waiter waiter) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            send(socket, request);
            waiter.waiting.get(BOUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static void send(Socket socket, String request) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static HttpClient http2() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(trusting)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static HttpRequest get(GatewayServer server) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/"))
                .build();
    }

    /** A request body that sends {@code sent} bytes of a longer declared length and then nothing more. */
    private record HalfBody(int sent) implements HttpRequest.BodyPublisher {
        @Override
        public long contentLength() {
            return 2L * sent;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private boolean done;

                @Override
                public void request(long n) {
                    if (!done) {
                        done = true;
                        subscriber.onNext(ByteBuffer.wrap(new byte[sent]));
                    }
                }

                @Override
                public void cancel() {}
            });
        }
    }
}
