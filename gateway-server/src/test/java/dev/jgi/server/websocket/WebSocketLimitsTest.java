package dev.jgi.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WebSocket clients that hold a connection without end, over raw sockets: one that sends nothing,
 * one that leaves a fragmented message unfinished (both dropped after the idle timeout), and one
 * that declares a frame of 2^63−1 bytes and keeps sending (closed with 1009 once past the message
 * limit, and dropped within the close timeout) [JGI-WS-9] [JGI-LIM-5]. Frames that declare more
 * than the limit and send little are answered 1009 at once, well before the idle timeout.
 */
class WebSocketLimitsTest {

    private static final long IDLE_MILLIS = 1500;

    @Test
    void aSilentConnectionIsDroppedAfterTheIdleTimeout() throws Exception {
        try (GatewayServer server = start();
                Socket socket = upgrade(server.port())) {
            assertClosedWithin(socket, IDLE_MILLIS + 1000);
        }
    }

    @Test
    void anUnfinishedFragmentedMessageIsDroppedAfterTheIdleTimeout() throws Exception {
        try (GatewayServer server = start();
                Socket socket = upgrade(server.port())) {
            OutputStream out = socket.getOutputStream();
            // A text frame without FIN: the message goes on in a continuation that never comes.
            out.write(new byte[] {0x01, (byte) 0x85, 0, 0, 0, 0, 'h', 'e', 'l', 'l', 'o'});
            out.flush();
            assertClosedWithin(socket, IDLE_MILLIS + 1000);
        }
    }

    @Test
    void aFrameDeclaringTwoToTheSixtyThreeBytesGets1009AndIsDropped() throws Exception {
        try (GatewayServer server = start();
                Socket socket = upgrade(server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) 0x82, (byte) 0xFF, 0x7F, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0});
            byte[] zeros = new byte[64 * 1024];
            long start = System.nanoTime();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try {
                    socket.getInputStream().transferTo(received);
                } catch (IOException e) {
                    // Reset by the server: what the writer below sees too.
                }
            });
            try {
                while (System.nanoTime() - start < 20_000_000_000L) {
                    out.write(zeros);
                }
            } catch (SocketException closedByTheServer) {
                // Expected: the server dropped the connection.
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            reader.join(5000);
            assertThat(seconds).as("seconds until dropped").isLessThan(5 + 1 + 1);
            byte[] close = received.toByteArray();
            assertThat(close).as("a close frame").hasSizeGreaterThanOrEqualTo(4);
            assertThat(close[0] & 0x0F).isEqualTo(0x8);
            assertThat(((close[2] & 0xFF) << 8) | (close[3] & 0xFF)).isEqualTo(1009);
        }
    }

    @Test
    void aFrameDeclaringMoreThanTheLimitGets1009BeforeItsPayloadCame() throws Exception {
        try (GatewayServer server = start();
                Socket socket = upgrade(server.port())) {
            OutputStream out = socket.getOutputStream();
            // A binary frame declaring 2^62 bytes, masked with zeros, of which ten are sent.
            out.write(new byte[] {(byte) 0x82, (byte) 0xFF, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            out.write(new byte[10]);
            out.flush();
            assertClosedWith1009Within(socket, IDLE_MILLIS / 2);
        }
    }

    @Test
    void aContinuationThatTakesTheMessagePastTheLimitGets1009BeforeItsPayloadCame() throws Exception {
        try (GatewayServer server = start();
                Socket socket = upgrade(server.port())) {
            OutputStream out = socket.getOutputStream();
            // A text frame of 5 bytes without FIN, then a continuation declaring 65,535 bytes (4
            // more than the limit in all) of which ten are sent.
            out.write(new byte[] {0x01, (byte) 0x85, 0, 0, 0, 0, 'h', 'e', 'l', 'l', 'o'});
            out.write(new byte[] {(byte) 0x80, (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0});
            out.write(new byte[10]);
            out.flush();
            assertClosedWith1009Within(socket, IDLE_MILLIS / 2);
        }
    }

    private static GatewayServer start() {
        GatewayServer server = GatewayServer.builderAsync(Apps.echo())
                .config(ServerConfig.fromText(
                        Map.of("ws-idle-timeout", IDLE_MILLIS + "ms", "ws-max-message-size", "64KiB")))
                .bind("127.0.0.1", 0)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }

    private static Socket upgrade(int port) throws IOException {
        return RawWebSocket.upgrade(port, "/");
    }

    private static void assertClosedWith1009Within(Socket socket, long millis) throws IOException {
        long start = System.nanoTime();
        socket.setSoTimeout((int) millis);
        byte[] head = socket.getInputStream().readNBytes(4);
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("ms until the close frame")
                .isLessThan(millis);
        assertThat(head).as("a close frame").hasSize(4);
        assertThat(head[0] & 0x0F).isEqualTo(0x8);
        assertThat(((head[2] & 0xFF) << 8) | (head[3] & 0xFF)).isEqualTo(1009);
    }

    private static void assertClosedWithin(Socket socket, long millis) throws IOException {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // Whatever the server sends before it drops the connection.
            }
        } catch (SocketException reset) {
            // Dropped with a reset: closed all the same.
        }
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("ms until closed")
                .isLessThan(millis);
    }
}
