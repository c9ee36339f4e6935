package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] interim = new byte[25];
            int n = in.readNBytes(interim, 0, 25);
            assertThat(new String(interim, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 100");
            socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
            socket.shutdownOutput();
            assertThat(RawHttp.readAll(in)).contains("HTTP/1.1 200").contains("read 5");
        }
    }

    @Test
    void continueIsNotSentWhenTheAppAnswersWithoutReading() throws Exception {
        Application ignores = (request, exchange) -> Response.text(403, "no");
        try (GatewayServer server = Servers.started(Servers.quiet(ignores))) {
            String answer = RawHttp.exchange(
                    server.port(),
                    "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
                    1500);
            assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain("100 Continue");
        }
    }

    @Test
    void connectionCloseIsHonoured() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(READS))) {
            long started = System.nanoTime();
            String answer =
                    RawHttp.exchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5000);
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isLessThan(4000);
        }
    }

    @Test
    void http10ConnectionClosesAndUnknownLengthIsCloseDelimited() throws Exception {
        Application streams = (request, exchange) -> Response.of(200, Headers.of(), (Body.Writer) out -> {
            for (int i = 0; i < 3000; i++) {
                out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
            }
        });
        try (GatewayServer server = Servers.started(Servers.quiet(streams))) {
            String answer = RawHttp.exchange(server.port(), "GET / HTTP/1.0\r\n\r\n", 5000);
            assertThat(answer).startsWith("HTTP/1.0 200");
            assertThat(answer.toLowerCase()).doesNotContain("transfer-encoding");
            assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).hasSize(30_000);
        }
    }

    @Test
    void writesAfterTheClientLeftThrowClientDisconnected() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Application endless = (request, exchange) -> Response.of(200, Headers.of(), (Body.Writer) out -> {
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
        });
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
