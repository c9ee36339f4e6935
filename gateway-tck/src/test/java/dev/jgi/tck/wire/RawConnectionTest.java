package dev.jgi.tck.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The raw client's strict parser, against a loopback socket that answers with canned bytes. */
class RawConnectionTest {

    private ServerSocket listener;

    /** Accepts one connection, reads whatever arrives first, writes {@code answer}, then closes if asked. */
    private InetSocketAddress answering(String answer, boolean close) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                Socket socket = listener.accept();
                socket.getInputStream().read(new byte[4096]);
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                if (close) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // the test ended first
            }
        });
        return new InetSocketAddress("127.0.0.1", listener.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    private static RawConnection connect(InetSocketAddress address) {
        return RawConnection.open(address, new Transcript(), Duration.ofMillis(500));
    }

    @Test
    void chunkedBodyAndTrailersAreDecoded() throws IOException {
        try (RawConnection c = connect(answering(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;x=1\r\nhello\r\n1\r\n!\r\n0\r\nX-Sum: 9\r\n\r\n",
                false))) {
            RawResponse response = c.send("GET / HTTP/1.1\r\n\r\n").readResponse();
            assertThat(response.bodyText()).isEqualTo("hello!");
            assertThat(response.framing()).isEqualTo(RawResponse.Framing.CHUNKED);
            assertThat(response.complete()).isTrue();
            assertThat(response.trailers()).containsExactly(new RawResponse.Field("X-Sum", "9"));
        }
    }

    @Test
    void headerLinesKeepTheirCaseOrderAndRepeats() throws IOException {
        try (RawConnection c =
                connect(answering("HTTP/1.1 204 \r\nSet-Cookie: a=1\r\nX-A: 1\r\nset-cookie: b=2\r\n\r\n", false))) {
            RawResponse response = c.send("GET / HTTP/1.1\r\n\r\n").readResponse();
            assertThat(response.reason()).isEmpty();
            assertThat(response.headers())
                    .extracting(RawResponse.Field::name)
                    .containsExactly("Set-Cookie", "X-A", "set-cookie");
            assertThat(response.headers("set-cookie")).containsExactly("a=1", "b=2");
        }
    }

    @Test
    void bareLineFeedIsAViolation() throws IOException {
        try (RawConnection c = connect(answering("HTTP/1.1 200 OK\nContent-Length: 0\n\n", false))) {
            assertThatThrownBy(() -> c.send("GET / HTTP/1.1\r\n\r\n").readResponse())
                    .isInstanceOf(ProtocolViolation.class)
                    .hasMessageContaining("bare LF");
        }
    }

    @Test
    void contentLengthWithChunkedIsAViolation() throws IOException {
        try (RawConnection c = connect(answering(
                "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n" + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", false))) {
            assertThatThrownBy(() -> c.send("GET / HTTP/1.1\r\n\r\n").readResponse())
                    .isInstanceOf(ProtocolViolation.class)
                    .hasMessageContaining("both Content-Length and Transfer-Encoding");
        }
    }

    @Test
    void obsFoldIsAViolation() throws IOException {
        try (RawConnection c =
                connect(answering("HTTP/1.1 200 OK\r\nX-A: 1\r\n  2\r\nContent-Length: 0\r\n\r\n", false))) {
            assertThatThrownBy(() -> c.send("GET / HTTP/1.1\r\n\r\n").readResponse())
                    .isInstanceOf(ProtocolViolation.class)
                    .hasMessageContaining("obs-fold");
        }
    }

    @Test
    void chunkedBodyCutByACloseEndsClosedEarly() throws IOException {
        try (RawConnection c =
                connect(answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", true))) {
            RawResponse response = c.send("GET / HTTP/1.1\r\n\r\n").readResponse();
            assertThat(response.end()).isEqualTo(RawResponse.End.CLOSED_EARLY);
            assertThat(response.bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void shortBodyOnAnOpenConnectionEndsStalled() throws IOException {
        try (RawConnection c = connect(answering("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", false))) {
            RawResponse response = c.send("GET / HTTP/1.1\r\n\r\n").readResponse();
            assertThat(response.end()).isEqualTo(RawResponse.End.STALLED);
            assertThat(c.awaitState(Duration.ofMillis(100))).isEqualTo(ConnectionState.OPEN);
        }
    }

    @Test
    void interimResponsesPrecedeTheFinalOne() throws IOException {
        try (RawConnection c = connect(answering(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                true))) {
            RawResponse response = c.send("GET / HTTP/1.1\r\n\r\n").readResponse();
            assertThat(response.interim()).extracting(RawResponse::status).containsExactly(100, 103);
            assertThat(response.bodyText()).isEqualTo("ok");
            assertThat(c.awaitState(Duration.ofMillis(500))).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void headResponseHasNoBodyWhateverItsLength() throws IOException {
        try (RawConnection c = connect(answering("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra", false))) {
            RawResponse response = c.send("HEAD / HTTP/1.1\r\n\r\n").readResponse("HEAD");
            assertThat(response.framing()).isEqualTo(RawResponse.Framing.NONE);
            assertThat(c.awaitState(Duration.ofMillis(200)))
                    .as("the body bytes a HEAD response must not have")
                    .isEqualTo(ConnectionState.EXTRA_BYTES);
        }
    }

    @Test
    void transcriptShowsWhatWentBothWaysWithControlBytesEscaped() throws IOException {
        Transcript transcript = new Transcript();
        try (RawConnection c = RawConnection.open(
                answering("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n\u0001", true),
                transcript,
                Duration.ofMillis(500))) {
            c.send("GET / HTTP/1.1\r\n\r\n").readResponse();
        }
        assertThat(transcript.render(1000))
                .contains(">>> connection 1")
                .contains("GET / HTTP/1.1\\r\\n")
                .contains("<<< connection 1")
                .contains("\\x01");
    }
}
