package dev.jgi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.wire.RawResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against a one-connection server that answers with fixed bytes and records what it received. */
class RawHttpTest {

    private record OneShot(ServerSocket socket, CompletableFuture<String> received) implements AutoCloseable {

        static OneShot answering(String response) throws Exception {
            ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            CompletableFuture<String> received = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (Socket client = socket.accept()) {
                    InputStream in = client.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (head.indexOf("\r\n\r\n") < 0) {
                        head.append((char) in.read());
                    }
                    received.complete(head.toString());
                    OutputStream out = client.getOutputStream();
                    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (Exception e) {
                    received.completeExceptionally(e);
                }
            });
            return new OneShot(socket, received);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void exchangeSendsTheBytesAsTheyAreAndParsesTheResponse() throws Exception {
        try (OneShot server = OneShot.answering(
                "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi")) {
            RawResponse response = RawHttp.exchange(server.port(), "GET /a/../b%2F HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(server.received().get(10, TimeUnit.SECONDS)).startsWith("GET /a/../b%2F HTTP/1.1\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("hi");
            assertThat(response.interim()).extracting(RawResponse::status).containsExactly(103);
        }
    }

    @Test
    void exchangeReadsNoBodyForHead() throws Exception {
        try (OneShot server = OneShot.answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n")) {
            RawResponse response = RawHttp.exchange(server.port(), "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response.framing()).isEqualTo(RawResponse.Framing.NONE);
            assertThat(response.header("content-length")).contains("5");
        }
    }

    @Test
    void receivedReturnsEveryByteUntilTheServerCloses() throws Exception {
        String bytes = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 200 OK\r\n";
        try (OneShot server = OneShot.answering(bytes)) {
            assertThat(RawHttp.received(server.port(), "GET / HTTP/1.1\r\n\r\n", Duration.ofSeconds(10)))
                    .isEqualTo(bytes);
        }
    }
}
