package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.wire.RawResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Chapter 11 of the spec, for servers that declare WEBSOCKET: the JDK's WebSocket client against the async probe. */
class WebSocketTests {

    /** How long a client that reads nothing is watched for send stages completing early. */
    private static final java.time.Duration HELD = java.time.Duration.ofSeconds(3);

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest(Variant.ASYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-1")
    @Clause("JGI-WS-2")
    @Clause("JGI-REQ-9")
    void handshakeReachesTheAsyncApplicationAsAWebSocketConnect(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            assertThat(client.next()).isEqualTo("hello kind=WEBSOCKET first=WebSocketConnect");
        }
    }

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest(Variant.ASYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-4")
    void denyIsAnOrdinaryHttpResponse(Probe probe) {
        RawResponse response = probe.exchange(probe.head(
                "GET",
                probe.path("/_tck/ws-deny"),
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version: 13"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("x-denied")).contains("yes");
        assertThat(response.bodyText()).isEqualTo("denied");
    }

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest(Variant.ASYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-5")
    void fragmentedMessagesArriveWhole(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            client.next();
            client.socket.sendText("frag", false).get(5, TimeUnit.SECONDS);
            client.socket.sendText("ment", true).get(5, TimeUnit.SECONDS);
            assertThat(client.next()).isEqualTo("echo:fragment");
            client.socket.sendBinary(ByteBuffer.wrap(new byte[3]), false).get(5, TimeUnit.SECONDS);
            client.socket.sendBinary(ByteBuffer.wrap(new byte[4]), true).get(5, TimeUnit.SECONDS);
            assertThat(client.next()).isEqualTo("binary:7");
        }
    }

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest(Variant.ASYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-6")
    void pingsAreAnsweredByTheServerAndNeverDelivered(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            client.next();
            client.socket
                    .sendPing(ByteBuffer.wrap("p1".getBytes(StandardCharsets.US_ASCII)))
                    .get(5, TimeUnit.SECONDS);
            assertThat(client.pongs.poll(5, TimeUnit.SECONDS)).as("pong").isEqualTo("p1");
            client.socket.sendText("after", true).get(5, TimeUnit.SECONDS);
            assertThat(client.next()).as("the first message after a ping").isEqualTo("echo:after");
        }
    }

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest(Variant.ASYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-7")
    void closeIsDeliveredWithItsCodeAndReasonAndRepeated(Probe probe) throws Exception {
        String key = UUID.randomUUID().toString();
        try (Client client = Client.open(probe, "/_tck/ws/" + key)) {
            client.next();
            client.socket.sendClose(4001, "done").get(5, TimeUnit.SECONDS);
        }
        assertThat(probe.log(key, 2)).containsExactly("close code=4001 reason=done", "close code=4001 reason=done");
    }

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest(Variant.ASYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-9")
    void messageOverTheLimitClosesWith1009(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            client.next();
            client.sendFragmentsUntilClosed(256, true);
            assertThat(client.closed.get(10, TimeUnit.SECONDS)).as("close code").isEqualTo(1009);
        }
    }

    @Http1Only(
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)")
    @ServerTest(Variant.ASYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-10")
    @Clause("JGI-STREAM-2")
    void sendStagesWaitForAClientThatStopsReading(Probe probe) throws Exception {
        String key = UUID.randomUUID().toString();
        int count = 128;
        try (Client client = Client.open(probe, "/_tck/ws/" + key)) {
            client.next();
            client.holdBinary();
            // 32 MiB toward a client that takes one message and then no more: far beyond what
            // socket buffers on loopback hold, so most send stages can complete only after it reads.
            client.socket.sendText("flood:" + count + ":" + 256 * 1024, true).get(5, TimeUnit.SECONDS);
            assertThat(probe.log(key, 1)).as("the first send stage completed").isNotEmpty();
            assertThat(mostSendsWhileHeld(probe, key, count / 2))
                    .as("send stages completed while the client read nothing")
                    .isLessThan(count / 2);
            client.socket.request(Long.MAX_VALUE);
            client.allBinaries(count).get(20, TimeUnit.SECONDS);
            // Every message reached the client, so every send's bytes went out: each stage completes.
            assertThat(probe.log(key, count))
                    .as("send stages completed once the client read")
                    .hasSize(count);
        }
    }

    /**
     * The completed sends, watched for {@link #HELD} or until they reach {@code bound}. A conforming
     * server stays below the bound however long the client reads nothing (the buffers between them
     * hold far fewer bytes), so the outcome does not depend on the machine's speed; the window only
     * gives a server that completes stages early the time to show it.
     */
    private static int mostSendsWhileHeld(Probe probe, String key, int bound) throws InterruptedException {
        long deadline = System.nanoTime() + HELD.toNanos();
        int now = probe.log(key, 0).size();
        while (now < bound && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = probe.log(key, 0).size();
        }
        return now;
    }

    /** A WebSocket client whose text messages, pongs and close code tests can wait for. */
    static final class Client implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final java.util.concurrent.atomic.AtomicInteger binaries =
                new java.util.concurrent.atomic.AtomicInteger();
        private final CompletableFuture<Void> binaryTarget = new CompletableFuture<>();
        private volatile int expectedBinaries = Integer.MAX_VALUE;
        private volatile boolean holdBinary;
        WebSocket socket;

        /** From now on, a binary message is taken without asking for the next: the client stops reading. */
        void holdBinary() {
            holdBinary = true;
        }

        /** Completes once {@code count} whole binary messages arrived. */
        CompletableFuture<Void> allBinaries(int count) {
            expectedBinaries = count;
            if (binaries.get() >= count) {
                binaryTarget.complete(null);
            }
            return binaryTarget;
        }

        static Client open(Probe probe, String path) throws Exception {
            Client client = new Client();
            URI uri = URI.create("ws://127.0.0.1:" + probe.address().getPort() + probe.path(path));
            probe.transcript().note(true, "WebSocket handshake " + uri);
            client.socket = HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(uri, client)
                    .get(5, TimeUnit.SECONDS);
            return client;
        }

        /**
         * Sends up to {@code fragments} binary fragments of 64 KiB, the last one final when {@code
         * finish}, and stops once the server closes; returns how many were sent. Each fragment
         * waits a moment for the close: a client that writes on into a server that closed makes
         * the kernel reset the connection, and the reset can cost the close frame that reached it.
         */
        int sendFragmentsUntilClosed(int fragments, boolean finish) throws Exception {
            int sent = 0;
            while (sent < fragments && !closed.isDone()) {
                try {
                    socket.sendBinary(ByteBuffer.allocate(64 * 1024), finish && sent == fragments - 1)
                            .get(5, TimeUnit.SECONDS);
                } catch (ExecutionException closedWhileSending) {
                    break;
                }
                sent++;
                try {
                    closed.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException stillOpenOrFailed) {
                    // Open still: on with the next fragment. A failure is the test's to report.
                }
            }
            return sent;
        }

        String next() throws InterruptedException {
            String message = messages.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a message from the probe within 5 s").isNotNull();
            return message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last && binaries.incrementAndGet() >= expectedBinaries) {
                binaryTarget.complete(null);
            }
            if (!holdBinary) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            pongs.add(new String(bytes, StandardCharsets.US_ASCII));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }

        @Override
        public void close() {
            socket.abort();
        }
    }
}
