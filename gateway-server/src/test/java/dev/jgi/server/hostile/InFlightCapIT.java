package dev.jgi.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.RawHttp;
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
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write(request("/slow?5000"));
                slow.add(socket);
            }
            Thread.sleep(500);
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
            // The bystander may have held a slot as a slow request came: one more answered.
            assertThat(refused).as("requests answered 503 beyond the cap").isGreaterThanOrEqualTo(39);
            String log = server.process().stderr();
            assertThat(log.split("the in-flight cap \\(--max-concurrent 2\\) is reached", -1))
                    .as("WARN lines for the burst")
                    .hasSize(2);
        }
    }

    private static byte[] request(String target) {
        return ("GET " + target + " HTTP/1.1\r\nhost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
