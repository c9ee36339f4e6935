package dev.jgi.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.tls.TestCertificates;
import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunked-body attacks against a real server: trailers without end in count or size, a chunk
 * extension without end, a chunk size of too many digits. Each is answered (431 or 400) once the
 * client crossed the header limit, without the server waiting for more [JGI-LIM-2] [JGI-BODY-9];
 * over TLS HTTP/1.1 too, whether the client offered ALPN or not.
 */
class ChunkedBodyAttackIT {

    /** Opens a client connection to the server under attack. */
    private interface Client {
        Socket connect(int port) throws IOException;
    }

    private static final Client CLEARTEXT = port -> new Socket("127.0.0.1", port);

    private static final int MAX_HEADER_COUNT = 100;
    private static final int MAX_FIELD_SIZE = 8 * 1024;
    private static final String UPLOAD =
            "POST /upload HTTP/1.1\r\nhost: localhost\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n";

    @Test
    void trailersBeyondTheHeaderLimitsGet431() throws Exception {
        try (HostileServer server = HostileServer.start()) {
            StringBuilder many = new StringBuilder("0\r\n");
            for (int i = 0; i <= MAX_HEADER_COUNT; i++) {
                many.append("x-trailer-").append(i).append(": v\r\n");
            }
            assertAnswered(server, CLEARTEXT, UPLOAD + many, 431, "trailer fields");
            String oneLarge = "0\r\nx-trailer: " + "a".repeat(MAX_FIELD_SIZE);
            assertAnswered(server, CLEARTEXT, UPLOAD + oneLarge, 431, "trailer field is longer");
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    @Test
    void trailersAndChunkExtensionsAreBoundedOverTlsToo(@TempDir Path dir) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        SSLContext trusting = TestCertificates.trusting(pem.certFile());
        try (HostileServer server = HostileServer.start(
                "--certfile",
                pem.certFile().toString(),
                "--keyfile",
                pem.keyFile().toString())) {
            for (String[] alpn : new String[][] {{"http/1.1"}, {}}) {
                Client tls = port -> {
                    SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", port);
                    SSLParameters parameters = socket.getSSLParameters();
                    parameters.setApplicationProtocols(alpn);
                    socket.setSSLParameters(parameters);
                    socket.startHandshake();
                    return socket;
                };
                StringBuilder many = new StringBuilder("0\r\n");
                for (int i = 0; i <= MAX_HEADER_COUNT; i++) {
                    many.append("x-trailer-").append(i).append(": v\r\n");
                }
                assertAnswered(server, tls, UPLOAD + many, 431, "trailer fields");
                String oneLarge = "0\r\nx-trailer: " + "a".repeat(MAX_FIELD_SIZE);
                assertAnswered(server, tls, UPLOAD + oneLarge, 431, "trailer field is longer");
                assertAnswered(server, tls, UPLOAD + "5;ext=" + "a".repeat(MAX_FIELD_SIZE), 400, "chunk line");
            }
        }
    }

    @Test
    void aChunkExtensionBeyondTheFieldLimitGets400() throws Exception {
        try (HostileServer server = HostileServer.start()) {
            String extension = "5;ext=" + "a".repeat(MAX_FIELD_SIZE);
            assertAnswered(server, CLEARTEXT, UPLOAD + extension, 400, "chunk line");
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    @Test
    void aChunkSizeOfTooManyDigitsGets400() throws Exception {
        try (HostileServer server = HostileServer.start()) {
            assertAnswered(server, CLEARTEXT, UPLOAD + "1000000000000000\r\n", 400, "hex digits");
            // Leading zeros are not digits of the size: this chunk is 5 bytes, and the body is fine.
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
                socket.getOutputStream()
                        .write((UPLOAD + "00000000000000000005\r\nworld\r\n0\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                RawHttp.Framed answer = RawHttp.readFramed(socket.getInputStream());
                assertThat(answer.status()).isEqualTo(200);
                assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("read 10");
            }
        }
    }

    /**
     * Sends {@code request} and no byte more, and expects {@code status} for it: the server must
     * decide from what crossed the limit, not wait for the rest.
     */
    private static void assertAnswered(HostileServer server, Client client, String request, int status, String reason)
            throws Exception {
        try (Socket socket = client.connect(server.port())) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            RawHttp.Framed answer = RawHttp.readFramed(in);
            assertThat(answer.status()).isEqualTo(status);
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains(reason);
            assertThat(answer.headers()).containsEntry("connection", "close");
            assertThat(in.read()).as("closed after the answer").isEqualTo(-1);
        }
    }
}
