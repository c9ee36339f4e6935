package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.server.runtime.ServerRuntime;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one shutdown sequence of docs/operations.md, on real sockets: not ready at once, serving
 * through the drain delay, the listener closed, requests on the wire and in flight answered with
 * {@code Connection: close}, idle connections closed once quiet, HTTP/2 streams and event streams
 * in flight kept until they end or the graceful timeout, the drain hook run when the drain begins.
 */
@Timeout(120)
class ShutdownSequenceTest {

    private static final String GET = "GET /%s HTTP/1.1\r\nHost: test\r\n\r\n";

    /** Answers at once, except /wait, which waits for {@link #release}. */
    private static final class Gate implements Application {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch sleeping = new CountDownLatch(1);

        @Override
        public Response handle(dev.jgi.api.Request request, dev.jgi.api.Exchange exchange) throws Exception {
            if (request.path().equals("/wait")) {
                entered.countDown();
                release.await();
                return Response.text(200, "waited");
            }
            if (request.path().equals("/sleep")) {
                sleeping.countDown();
                Thread.sleep(2500);
                return Response.text(200, "slept");
            }
            return Response.text(200, "now " + request.path());
        }
    }

    private static CompletableFuture<Void> closing(GatewayServer server) {
        // A thread of its own: the common pool may have a single thread on a small machine.
        return CompletableFuture.runAsync(
                server::close, task -> Thread.ofPlatform().start(task));
    }

    private static void awaitListenerClosed(int port) throws InterruptedException {
        eventually(() ->
                assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class));
    }

    private static Socket keptAlive(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
        send(socket, GET.formatted("first"));
        RawHttp.Framed first = RawHttp.readFramed(socket.getInputStream());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.headers()).doesNotContainEntry("connection", "close");
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The response, which must close the connection, and then the connection's clean end. */
    private static RawHttp.Framed lastResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        RawHttp.Framed framed = RawHttp.readFramed(in);
        assertThat(framed.headers()).containsEntry("connection", "close");
        assertThat(in.read()).isEqualTo(-1);
        return framed;
    }

    @Test
    void readyzTurns503AtOnceWhileTheDrainDelayKeepsServing() throws Exception {
        GatewayServer server = Servers.started(
                Servers.quiet(new Gate()).adminBind("127.0.0.1:0").drainDelay(Duration.ofSeconds(4)));
        int admin = server.adminAddress().orElseThrow().getPort();
        assertThat(RawHttp.get(admin, "/readyz").status()).isEqualTo(200);
        long began = System.nanoTime();
        CompletableFuture<Void> closed = closing(server);
        eventually(() -> assertThat(RawHttp.get(admin, "/readyz").status()).isEqualTo(503));
        // Still well inside the drain delay (else the check is moot): new connections are served as usual.
        if (System.nanoTime() - began < TimeUnit.MILLISECONDS.toNanos(3500)) {
            assertThat(RawHttp.get(server.port(), "/during").status()).isEqualTo(200);
        }
        closed.get(30, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(4));
        awaitListenerClosed(server.port());
    }

    @Test
    void partOfARequestOnAnIdleConnectionKeepsItOpenAndIsAnswered() throws Exception {
        GatewayServer server = Servers.started(Servers.quiet(new Gate()).gracefulTimeout(Duration.ofSeconds(20)));
        try (Socket socket = keptAlive(server.port())) {
            send(socket, "GET /second HTTP/1.1\r\nHost: te");
            // The server read those bytes before the drain began.
            Thread.sleep(300);
            CompletableFuture<Void> closed = closing(server);
            awaitListenerClosed(server.port());
            // Longer than the quiet time of an idle connection: this one is not idle.
            Thread.sleep(1500);
            send(socket, "st\r\n\r\n");
            RawHttp.Framed answer = lastResponse(socket);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("now /second");
            closed.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anIdleConnectionClosesCleanlyOnceQuiet() throws Exception {
        GatewayServer server = Servers.started(Servers.quiet(new Gate()).gracefulTimeout(Duration.ofSeconds(20)));
        try (Socket idle = keptAlive(server.port())) {
            CompletableFuture<Void> closed = closing(server);
            // It ends with a FIN once quiet (a reset would throw here), long before the graceful timeout.
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
            closed.get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void inFlightSyncAndAsyncRequestsAreAnsweredWithConnectionClose() throws Exception {
        Gate sync = new Gate();
        CompletableFuture<Void> asyncRelease = new CompletableFuture<>();
        AsyncApplication async = (request, channel) -> asyncRelease
                .thenCompose(ignored -> channel.send(new Action.ResponseStart(
                        200, Headers.of("content-type", "text/plain", "content-length", "5"), false)))
                .thenCompose(ignored -> channel.send(
                        new Action.ResponseBody(ByteBuffer.wrap("async".getBytes(StandardCharsets.US_ASCII)), false)));
        GatewayServer syncServer = Servers.started(Servers.quiet(sync).gracefulTimeout(Duration.ofSeconds(20)));
        GatewayServer asyncServer = Servers.started(Servers.quietAsync(async).gracefulTimeout(Duration.ofSeconds(20)));
        try (Socket toSync = new Socket("127.0.0.1", syncServer.port());
                Socket toAsync = new Socket("127.0.0.1", asyncServer.port())) {
            toSync.setSoTimeout(20_000);
            toAsync.setSoTimeout(20_000);
            send(toSync, GET.formatted("wait"));
            send(toAsync, GET.formatted("wait"));
            assertThat(sync.entered.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> syncClosed = closing(syncServer);
            CompletableFuture<Void> asyncClosed = closing(asyncServer);
            awaitListenerClosed(syncServer.port());
            awaitListenerClosed(asyncServer.port());
            // Well past the quiet time: requests in flight keep their connections.
            Thread.sleep(1500);
            assertThat(syncClosed).isNotDone();
            assertThat(asyncClosed).isNotDone();
            sync.release.countDown();
            asyncRelease.complete(null);
            assertThat(new String(lastResponse(toSync).body(), StandardCharsets.UTF_8))
                    .isEqualTo("waited");
            assertThat(new String(lastResponse(toAsync).body(), StandardCharsets.UTF_8))
                    .isEqualTo("async");
            syncClosed.get(15, TimeUnit.SECONDS);
            asyncClosed.get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void anHttp2StreamInFlightLongerThanTheQuietTimeFinishes() throws Exception {
        Gate app = new Gate();
        GatewayServer server = Servers.started(Servers.quiet(app).h2c(true).gracefulTimeout(Duration.ofSeconds(20)));
        ChildProcess curl = Command.of(
                        "curl",
                        "-sS",
                        "--max-time",
                        "30",
                        "--http2-prior-knowledge",
                        "-w",
                        " %{http_version} %{http_code}",
                        "http://127.0.0.1:" + server.port() + "/sleep")
                .start();
        assertThat(app.sleeping.await(20, TimeUnit.SECONDS)).isTrue();
        server.close();
        ChildProcess.Result result = curl.awaitResult(Duration.ofSeconds(30));
        assertThat(result.output()).isEqualTo("slept 2 200");
    }

    @Test
    void anEventStreamRunsUntilTheGracefulTimeoutThenIsCutAndTheDrainHookRanWhenTheListenerClosed() throws Exception {
        CompletableFuture<Void> streaming = new CompletableFuture<>();
        AsyncApplication events = (request, channel) -> channel.send(
                        new Action.ResponseStart(200, Headers.of("content-type", "text/event-stream"), false))
                .thenCompose(ignored -> channel.send(new Action.ResponseBody(
                        ByteBuffer.wrap("data: one\n\n".getBytes(StandardCharsets.UTF_8)), true)))
                .thenRun(() -> streaming.complete(null))
                .thenCompose(ignored -> new CompletableFuture<Void>());
        ServerRuntime runtime = new ServerRuntime(Servers.quietAsync(events)
                .gracefulTimeout(Duration.ofSeconds(2))
                .drainDelay(Duration.ofMillis(500))
                .build()
                .config());
        CompletableFuture<Boolean> hookSawListenerClosed = new CompletableFuture<>();
        runtime.start(events, "events");
        int port = runtime.addresses().getFirst().getPort();
        runtime.onDrain(() -> {
            try {
                new Socket("127.0.0.1", port).close();
                hookSawListenerClosed.complete(false);
            } catch (IOException refused) {
                hookSawListenerClosed.complete(true);
            }
        });
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            send(socket, GET.formatted("events"));
            streaming.get(10, TimeUnit.SECONDS);
            long began = System.nanoTime();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(
                    runtime::close, task -> Thread.ofPlatform().start(task));
            byte[] received = socket.getInputStream().readAllBytes();
            closed.get(30, TimeUnit.SECONDS);
            // Drain delay and graceful timeout: the stream was not cut before.
            assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(2500));
            String text = new String(received, StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 200").contains("data: one");
            // Cut: the chunked body never got its last chunk.
            assertThat(text).doesNotEndWith("0\r\n\r\n");
        }
        assertThat(hookSawListenerClosed.get(5, TimeUnit.SECONDS)).isTrue();
    }
}
