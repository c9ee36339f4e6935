package dev.jgi.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.RawHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Slow clients against a real server: an upload that stalls gets 408 within the body read timeout
 * plus one second [JGI-LIM-4]; one that trickles below the minimum body rate gets 408 within a
 * second of the rate's 10 s grace; a client that never reads its response is cut off within the
 * write timeout plus one second, without holding the server.
 */
class SlowClientIT {

    private static final int TIMEOUT_SECONDS = 2;
    private static final int BIG = 16 * 1024 * 1024;
    private static final String STALLED =
            "POST /upload HTTP/1.1\r\nhost: localhost\r\ncontent-length: 1000\r\n\r\nfirst bytes";

    @Test
    void aStalledUploadGets408WithinTheBodyReadTimeout() throws Exception {
        try (HostileServer server =
                HostileServer.start("--body-read-timeout", TIMEOUT_SECONDS + "s", "--min-body-rate", "0")) {
            int stalled = HostileServer.FULL ? 200 : 20;
            Socket[] sockets = new Socket[stalled];
            try {
                for (int i = 0; i < stalled; i++) {
                    sockets[i] = new Socket("127.0.0.1", server.port());
                    sockets[i].setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
                    OutputStream out = sockets[i].getOutputStream();
                    out.write(STALLED.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                long start = System.nanoTime();
                for (Socket socket : sockets) {
                    RawHttp.Framed answer = RawHttp.readFramed(socket.getInputStream());
                    assertThat(answer.status()).isEqualTo(408);
                    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                            .contains("no request body bytes");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(seconds).as("seconds to the last 408").isLessThan(TIMEOUT_SECONDS + 1);
            } finally {
                for (Socket socket : sockets) {
                    if (socket != null) {
                        socket.close();
                    }
                }
            }
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    /**
     * Each client sends 10 bytes every 250 ms (40 bytes a second, a sixth of the default 240), never
     * pausing long enough for the body read timeout: only the rate can stop it.
     */
    @Test
    void anUploadTricklingBelowTheMinimumBodyRateGets408AfterTheGrace() throws Exception {
        try (HostileServer server = HostileServer.start()) {
            int trickling = HostileServer.FULL ? 100 : 10;
            Socket[] sockets = new Socket[trickling];
            try {
                for (int i = 0; i < trickling; i++) {
                    sockets[i] = new Socket("127.0.0.1", server.port());
                    sockets[i].setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
                    sockets[i]
                            .getOutputStream()
                            .write("POST /upload HTTP/1.1\r\nhost: localhost\r\ncontent-length: 100000\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                }
                long start = System.nanoTime();
                byte[] piece = "0123456789".getBytes(StandardCharsets.US_ASCII);
                long[] answeredAfter = new long[trickling];
                int waiting = trickling;
                while (waiting > 0 && System.nanoTime() - start < 20_000_000_000L) {
                    Thread.sleep(250);
                    waiting = 0;
                    for (int i = 0; i < trickling; i++) {
                        if (answeredAfter[i] == 0 && sockets[i].getInputStream().available() > 0) {
                            answeredAfter[i] = System.nanoTime() - start;
                        }
                        if (answeredAfter[i] == 0) {
                            waiting++;
                            sockets[i].getOutputStream().write(piece);
                        }
                    }
                }
                for (int i = 0; i < trickling; i++) {
                    RawHttp.Framed answer = RawHttp.readFramed(sockets[i].getInputStream());
                    assertThat(answer.status()).isEqualTo(408);
                    assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                            .contains("slower than 240 bytes a second");
                    assertThat(answeredAfter[i] / 1e9)
                            .as("seconds to the 408 of client " + i)
                            .isBetween(10.0, 12.0);
                }
            } finally {
                for (Socket socket : sockets) {
                    if (socket != null) {
                        socket.close();
                    }
                }
            }
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    @Test
    void aClientThatDoesNotReadIsCutOffWithinTheWriteTimeout() throws Exception {
        try (HostileServer server =
                HostileServer.start("--write-timeout", TIMEOUT_SECONDS + "s", "--access-log", "off")) {
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(64 * 1024);
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
                socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
                socket.getOutputStream()
                        .write("GET /big HTTP/1.1\r\nhost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Thread.sleep((TIMEOUT_SECONDS + 1) * 1000L);
                long read = 0;
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[64 * 1024];
                try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        read += n;
                    }
                } catch (SocketException reset) {
                    // The server closed a connection whose data the client had not read: a reset.
                }
                assertThat(read)
                        .as("bytes before the server cut the reader off")
                        .isLessThan(BIG);
            }
            server.assertBystanderAndMemoryUnharmed();
        }
    }
}
