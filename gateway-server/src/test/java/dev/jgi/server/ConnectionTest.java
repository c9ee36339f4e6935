package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.tck.wire.ConnectionState;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Connection management, 100-continue and disconnects [JGI-FRAME-7] [JGI-FRAME-9] [JGI-BODY-4] [JGI-DISC-1]. */
class ConnectionTest {

    private static final Application READS =
            (request, exchange) -> Response.text(200, "read " + exchange.body().readAllBytes().length);

    @Test
    void continueIsSentOnTheFirstReadOnly() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(READS));
                RawConnection connection = RawHttp.connect(server.port())) {
            connection.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(connection.readNextWithin("POST", RawHttp.TIMEOUT))
                    .map(RawResponse::status)
                    .contains(100);
            RawResponse response = connection.send("hello").halfClose().readResponse("POST");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("read 5");
            assertThat(response.interim()).isEmpty();
        }
    }

    @Test
    void continueIsNotSentWhenTheAppAnswersWithoutReading() throws Exception {
        Application ignores = (request, exchange) -> Response.text(403, "no");
        try (GatewayServer server = Servers.started(Servers.quiet(ignores))) {
            String answer = RawHttp.received(
                    server.port(),
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
                    Duration.ofMillis(1500));
            assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain("100 Continue");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(READS));
                RawConnection connection = RawHttp.connect(server.port())) {
            RawResponse response = connection
                    .send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(connection.awaitState(RawHttp.TIMEOUT)).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void http10ConnectionClosesAndUnknownLengthIsCloseDelimited() throws Exception {
        Application streams = (request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
            for (int i = 0; i < 3000; i++) {
                out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
            }
        }));
        try (GatewayServer server = Servers.started(Servers.quiet(streams))) {
            RawResponse response = RawHttp.exchange(server.port(), "GET / HTTP/1.0\r\n\r\n");
            assertThat(response.version()).isEqualTo("HTTP/1.0");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers("transfer-encoding")).isEmpty();
            assertThat(response.framing()).isEqualTo(RawResponse.Framing.CLOSE_DELIMITED);
            assertThat(response.body()).hasSize(30_000);
            assertThat(response.complete()).isTrue();
        }
    }

    @Test
    void writesAfterTheClientLeftThrowClientDisconnected() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Application endless = (request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 100_000; i++) {
                    out.write(chunk);
                }
                failure.complete(null);
            } catch (Exception e) {
                failure.complete(e);
                throw e;
            }
        }));
        try (GatewayServer server = Servers.started(Servers.quiet(endless))) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().readNBytes(100_000);
            }
            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(ClientDisconnectedException.class);
        }
    }

    @Test
    void platformThreadPoolServesSyncApps() throws Exception {
        Application named =
                (request, exchange) -> Response.text(200, Thread.currentThread().isVirtual() ? "virtual" : "platform");
        try (GatewayServer server = Servers.started(
                Servers.quiet(named).threads(ServerConfig.ThreadModel.PLATFORM).platformThreads(4))) {
            assertThat(Servers.get(server, "/").body()).isEqualTo("platform");
        }
        try (GatewayServer server = Servers.started(Servers.quiet(named))) {
            assertThat(Servers.get(server, "/").body()).isEqualTo("virtual");
        }
    }
}
