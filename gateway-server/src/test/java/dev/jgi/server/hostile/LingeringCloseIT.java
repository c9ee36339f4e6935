package dev.jgi.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A client that goes on sending a large body after the server refused its request reads the refusal
 * and then the end of the stream, never a reset [JGI-LIM-2] [JGI-LIM-3]: the server closes a
 * connection after a refusal lingering (nginx's {@code lingering_close}), both after an exchange's
 * (413) and after one given before any exchange exists (414, 431). Each client writes all of its
 * request before it reads, as simple clients do; a close with its bytes unread would reset the
 * writes and the unread answer. Some clients pace their body over more than a second, past the
 * moment a plain timed close (the 1-second drain the refusals before an exchange used to get) would
 * hit them. {@code -Dhostile=full} repeats each case ten times as often.
 */
class LingeringCloseIT {

    private static final int REPEAT = HostileServer.FULL ? 200 : 8;
    private static final int BODY = 4 * 1024 * 1024;
    private static final int PIECE = 64 * 1024;
    /** How long a paced client takes to send its body: beyond the one second the server used to wait. */
    private static final long PACED_MILLIS = 1500;

    @Test
    void aRefusedClientStillSendingReadsTheRefusalAndNoReset() throws Exception {
        try (HostileServer server = HostileServer.start("--max-body-size", "64KiB")) {
            String overBodyLimit = "POST /upload HTTP/1.1\r\nhost: localhost\r\ncontent-length: " + BODY + "\r\n\r\n";
            String overHeadLimit = "POST /upload HTTP/1.1\r\nhost: localhost\r\nx-big: " + "b".repeat(16 * 1024)
                    + "\r\ncontent-length: " + BODY + "\r\n\r\n";
            String overLineLimit = "POST /" + "u".repeat(16 * 1024) + " HTTP/1.1\r\nhost: localhost\r\ncontent-length: "
                    + BODY + "\r\n\r\n";
            for (int i = 0; i < REPEAT; i++) {
                boolean paced = i % 10 == 3;
                assertRefusedWithoutReset(server.port(), overBodyLimit, 413, paced);
                assertRefusedWithoutReset(server.port(), overHeadLimit, 431, paced);
                assertRefusedWithoutReset(server.port(), overLineLimit, 414, paced);
            }
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    private static void assertRefusedWithoutReset(int port, String head, int status, boolean paced)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[PIECE];
            long pause = paced ? PACED_MILLIS / (BODY / PIECE) : 0;
            for (int sent = 0; sent < BODY; sent += PIECE) {
                out.write(piece);
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            RawHttp.Framed answer = RawHttp.readFramed(in);
            assertThat(answer.status())
                    .as("the answer to a %d-byte body (paced: %s)", BODY, paced)
                    .isEqualTo(status);
            assertThat(in.read()).as("the end of the stream after the answer").isEqualTo(-1);
        }
    }
}
