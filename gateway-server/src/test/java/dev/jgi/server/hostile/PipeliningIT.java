package dev.jgi.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.RawHttp;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A valid request pipelined ahead of one that crosses a head limit is answered first, then the bad
 * one gets its 414 or 431 and the connection closes (RFC 9112 §9.3.2) [JGI-LIM-1] [JGI-LIM-2]. Every
 * answer is in the access log, the refusals given before any exchange too, each with a request id.
 */
class PipeliningIT {

    private static final String FIRST = "GET /first HTTP/1.1\r\nhost: localhost\r\n\r\n";

    @Test
    void completeRequestsBeforeABadOneAreAnsweredFirst() throws Exception {
        try (HostileServer server = HostileServer.start()) {
            String longLine = "GET /" + "a".repeat(10 * 1024) + " HTTP/1.1\r\nhost: localhost\r\n\r\n";
            assertFirstThen(server, FIRST + FIRST + longLine, 414);
            StringBuilder manyFields = new StringBuilder("GET /second HTTP/1.1\r\nhost: localhost\r\n");
            for (int i = 0; i < 150; i++) {
                manyFields.append("x-field-").append(i).append(": v\r\n");
            }
            assertFirstThen(server, FIRST + FIRST + manyFields + "\r\n", 431);
            assertAccessLogged(server, 414);
            assertAccessLogged(server, 431);
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    /** Waits for the access line of a refusal given before any exchange, within the log's flush time. */
    private static void assertAccessLogged(HostileServer server, int status) throws InterruptedException {
        java.util.regex.Pattern line =
                java.util.regex.Pattern.compile("\"- - HTTP/1\\.1\" " + status + " \\d+ .*ms [0-9a-f]+-[0-9a-f]+");
        long end = System.nanoTime() + RawHttp.TIMEOUT.toNanos();
        while (!line.matcher(server.process().stdout()).find()) {
            assertThat(System.nanoTime())
                    .as(
                            "an access line for the %d in:%n%s",
                            status, server.process().stdout())
                    .isLessThan(end);
            Thread.sleep(50);
        }
    }

    private static void assertFirstThen(HostileServer server, String requests, int status) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 2; i++) {
                RawHttp.Framed first = RawHttp.readFramed(in);
                assertThat(first.status()).isEqualTo(200);
                assertThat(new String(first.body(), StandardCharsets.UTF_8)).startsWith("hello /first");
            }
            assertThat(RawHttp.readFramed(in).status()).isEqualTo(status);
            assertThat(in.read()).as("closed after the refusal").isEqualTo(-1);
        }
    }
}
