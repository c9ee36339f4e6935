package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.server.WebSocketTests.Client;
import dev.jgi.tck.wire.RawResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Chapter 11 for sync applications: the JDK's WebSocket client against the sync probe's session. */
class SyncWebSocketTests {

    private static final String HTTP1 =
            "WebSocket opens by the HTTP/1.1 Upgrade handshake (RFC 6455); JGI 1.0 has no WebSocket over HTTP/2 (RFC 8441)";

    @Http1Only(HTTP1)
    @ServerTest(Variant.SYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-11")
    @Clause("JGI-REQ-9")
    @Clause("JGI-WS-15")
    void syncApplicationAcceptsThroughTheExchangeOnce(Probe probe) throws Exception {
        String key = UUID.randomUUID().toString();
        try (Client client = Client.open(probe, "/_tck/ws/" + key)) {
            assertThat(client.next()).isEqualTo("hello kind=WEBSOCKET sync");
            client.socket.sendText("hi", true).get(5, TimeUnit.SECONDS);
            assertThat(client.next()).isEqualTo("echo:hi");
            // Read while the connection is open: its close is logged under the same key.
            assertThat(probe.log(key, 1)).containsExactly("second accept failed");
        }
    }

    @Http1Only(HTTP1)
    @ServerTest(Variant.SYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-14")
    void responseReturnedWithoutAcceptingIsAnOrdinaryHttpResponse(Probe probe) {
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

    @Http1Only(HTTP1)
    @ServerTest(Variant.SYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-16")
    @Clause("JGI-WS-7")
    void peersCloseIsAnsweredWithItsCodeAndReceivedTwice(Probe probe) throws Exception {
        String key = UUID.randomUUID().toString();
        try (Client client = Client.open(probe, "/_tck/ws/" + key)) {
            client.next();
            client.socket.sendClose(4001, "done").get(5, TimeUnit.SECONDS);
            assertThat(client.closed.get(5, TimeUnit.SECONDS))
                    .as("the server's answering close")
                    .isEqualTo(4001);
        }
        assertThat(probe.log(key, 3).subList(1, 3))
                .as("the close, then the same close again")
                .containsExactly("close code=4001 reason=done", "close code=4001 reason=done");
    }

    @Http1Only(HTTP1)
    @ServerTest(Variant.SYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-17")
    @Clause("JGI-WS-15")
    void handleReturningClosesWith1000AndSendsNotItsResponse(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            client.next();
            client.socket.sendText("return", true).get(5, TimeUnit.SECONDS);
            assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(client.messages).as("messages after the return").isEmpty();
        }
    }

    @Http1Only(HTTP1)
    @ServerTest(Variant.SYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-17")
    void handleThrowingClosesWith1011(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            client.next();
            client.socket.sendText("fail", true).get(5, TimeUnit.SECONDS);
            assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1011);
        }
    }

    @Http1Only(HTTP1)
    @ServerTest(Variant.SYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-18")
    @Clause("JGI-WS-5")
    void pingBetweenFragmentsIsAnsweredAndTheMessageArrivesWhole(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            client.next();
            client.socket.sendText("frag", false).get(5, TimeUnit.SECONDS);
            client.socket
                    .sendPing(ByteBuffer.wrap("mid".getBytes(StandardCharsets.US_ASCII)))
                    .get(5, TimeUnit.SECONDS);
            assertThat(client.pongs.poll(5, TimeUnit.SECONDS))
                    .as("pong within a message")
                    .isEqualTo("mid");
            client.socket.sendText("ment", true).get(5, TimeUnit.SECONDS);
            assertThat(client.next()).isEqualTo("echo:fragment");
        }
    }

    @Http1Only(HTTP1)
    @ServerTest(Variant.SYNC)
    @Requires(Capability.WEBSOCKET)
    @Clause("JGI-WS-18")
    @Clause("JGI-WS-9")
    void fragmentsCountAgainstTheLimitBeforeTheLastOne(Probe probe) throws Exception {
        try (Client client = Client.open(probe, "/_tck/ws/" + UUID.randomUUID())) {
            client.next();
            int fragments = 1024;
            int sent = client.sendFragmentsUntilClosed(fragments - 1, false);
            assertThat(client.closed.get(10, TimeUnit.SECONDS)).as("close code").isEqualTo(1009);
            assertThat(sent)
                    .as("fragments sent before the close (the last never is)")
                    .isLessThan(fragments - 1);
        }
    }
}
