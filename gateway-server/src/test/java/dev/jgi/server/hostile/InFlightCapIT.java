package dev.jgi.server.hostile;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests beyond the in-flight cap get 503, and the server log says the cap is reached: once for
 * a burst, not once per refused request [JGI-LIM-6].
 */
class InFlightCapIT {

    @Test
    void reachingTheInFlightCapIsLoggedOnceForABurst() throws Exception {
        try (HostileServer server = HostileServer.start("--max-concurrent", "2", "--access-log", "off")) {
            server.stopBystander();
            List<Socket> slow = holdEverySlot(server.port(), 2);
            int refused = 0;
            for (int i = 0; i < 40; i++) {
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
                    socket.getOutputStream().write(request("/"));
                    InputStream in = socket.getInputStream();
                    if (RawHttp.readFramed(in).status() == 503) {
                        refused++;
                    }
                }
            }
            for (Socket socket : slow) {
                socket.close();
            }
            assertThat(refused).as("requests answered 503 beyond the cap").isEqualTo(40);
            String log = server.process().stderr();
            assertThat(log.split("the in-flight cap \\(--max-concurrent 2\\) is reached", -1))
                    .as("WARN lines for the burst")
                    .hasSize(2);
        }
    }

    /**
     * Opens slow requests until {@code cap} of them hold the server's slots. A slow request that
     * came while a probe held a slot was refused at once: it is sent again. With nothing else in
     * flight, a refused probe means the slow requests hold every slot.
     */
    private static List<Socket> holdEverySlot(int port, int cap) throws Exception {
        List<Socket> slow = new ArrayList<>();
        eventually(RawHttp.TIMEOUT, () -> {
            slow.removeIf(InFlightCapIT::wasAnswered);
            while (slow.size() < cap) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.getOutputStream().write(request("/slow?60000"));
                slow.add(socket);
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                probe.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
                probe.getOutputStream().write(request("/"));
                assertThat(RawHttp.readFramed(probe.getInputStream()).status() == 503
                                && slow.stream().noneMatch(InFlightCapIT::wasAnswered))
                        .as("the slow requests hold every slot of the cap")
                        .isTrue();
            }
        });
        return slow;
    }

    /** A slow request answered already was refused; closes its socket when so. */
    private static boolean wasAnswered(Socket socket) {
        try {
            if (socket.getInputStream().available() > 0) {
                socket.close();
                return true;
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static byte[] request(String target) {
        return ("GET " + target + " HTTP/1.1\r\nhost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
