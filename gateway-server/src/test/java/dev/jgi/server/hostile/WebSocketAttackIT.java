package dev.jgi.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.websocket.RawWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WebSocket attacks against a real server (the async {@code LongLivedApp}, whose {@code /ws}
 * echoes): frames declaring far more than the message limit get close 1009 before their payload
 * comes, and messages left unfinished are dropped at the idle timeout, for many clients at once,
 * with the bystander and memory bounds of the suite.
 */
class WebSocketAttackIT {

    private static final String APP = "dev.jgi.server.apps.LongLivedApp";
    private static final int IDLE_SECONDS = 2;

    @Test
    void framesDeclaringTwoToTheSixtyTwoBytesGet1009BeforeTheirPayload() throws Exception {
        try (HostileServer server = HostileServer.serving(APP)) {
            List<Socket> clients = upgraded(server.port());
            try {
                long start = System.nanoTime();
                for (Socket client : clients) {
                    OutputStream out = client.getOutputStream();
                    // A binary frame declaring 2^62 bytes, masked with zeros, of which ten are sent.
                    out.write(new byte[] {(byte) 0x82, (byte) 0xFF, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
                    out.write(new byte[10]);
                    out.flush();
                }
                for (Socket client : clients) {
                    byte[] close = client.getInputStream().readNBytes(4);
                    assertThat(close).as("a close frame").hasSize(4);
                    assertThat(close[0] & 0x0F).isEqualTo(0x8);
                    assertThat(((close[2] & 0xFF) << 8) | (close[3] & 0xFF)).isEqualTo(1009);
                }
                assertThat((System.nanoTime() - start) / 1e9)
                        .as("seconds to the last close frame")
                        .isLessThan(1.0);
            } finally {
                closeAll(clients);
            }
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    @Test
    void unfinishedMessagesAreDroppedAtTheIdleTimeout() throws Exception {
        try (HostileServer server = HostileServer.serving(APP, "--ws-idle-timeout", IDLE_SECONDS + "s")) {
            List<Socket> clients = upgraded(server.port());
            try {
                long start = System.nanoTime();
                for (Socket client : clients) {
                    // A text frame without FIN: the message goes on in a continuation that never comes.
                    client.getOutputStream().write(new byte[] {0x01, (byte) 0x85, 0, 0, 0, 0, 'h', 'e', 'l', 'l', 'o'});
                    client.getOutputStream().flush();
                }
                for (Socket client : clients) {
                    InputStream in = client.getInputStream();
                    try {
                        while (in.read() >= 0) {
                            // Whatever the server sends before it drops the connection.
                        }
                    } catch (SocketException reset) {
                        // Dropped with a reset: closed all the same.
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(seconds)
                        .as("seconds until the last was dropped")
                        .isBetween(IDLE_SECONDS - 0.5, IDLE_SECONDS + 1.0);
            } finally {
                closeAll(clients);
            }
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    private static List<Socket> upgraded(int port) throws IOException {
        int count = HostileServer.FULL ? 200 : 20;
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(RawWebSocket.upgrade(port, "/ws"));
        }
        return clients;
    }

    private static void closeAll(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
