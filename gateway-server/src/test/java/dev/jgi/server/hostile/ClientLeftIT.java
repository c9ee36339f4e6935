package dev.jgi.server.hostile;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A client that leaves in the middle of its upload, while the application reads the body: the
 * server log says so in one line with the request id, without a stack trace or an ERROR, and the
 * access log does not claim a 500 nobody received [JGI-DISC-1].
 */
class ClientLeftIT {

    @Test
    void aClientLeavingMidUploadIsOneLineWithTheRequestId() throws Exception {
        try (HostileServer server = HostileServer.start()) {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.getOutputStream()
                        .write(("POST /upload HTTP/1.1\r\nhost: localhost\r\ncontent-length: 100000\r\n\r\n"
                                        + "x".repeat(1000))
                                .getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(300);
            }
            String line = awaitLine(server, "the client left before the response was sent");
            assertThat(line).as("the line names the request").containsPattern("[0-9a-f]{8,}");
            String log = server.process().stderr();
            assertThat(log).as("the server log").doesNotContain("\tat ").doesNotContain("ERROR");
            // The access line is written once the exchange ends, which may come after the log line.
            eventually(() -> assertThat(server.process().stdout())
                    .as("the access log")
                    .contains("POST /upload")
                    .doesNotContain("\"POST /upload HTTP/1.1\" 500"));
            server.assertBystanderAndMemoryUnharmed();
        }
    }

    private static String awaitLine(HostileServer server, String phrase) throws InterruptedException {
        AtomicReference<String> found = new AtomicReference<>();
        eventually(() -> found.set(server.process()
                .stderr()
                .lines()
                .filter(line -> line.contains(phrase))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with \"" + phrase + "\" in:\n"
                        + server.process().stderr()))));
        return found.get();
    }
}
