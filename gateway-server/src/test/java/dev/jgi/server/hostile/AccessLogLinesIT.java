package dev.jgi.server.hostile;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.RawHttp;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answered request has one line in the access log a real {@code jgi serve} writes to its file
 * (beside its bystander's):
 * the static files' hits and misses, answered in front of the application, their refusals by the
 * head checks (431 for a field too long), and the 400s of
 * Undertow's own parser, answered before any exchange exists.
 */
class AccessLogLinesIT {

    /** Requests Undertow's parser refuses by itself: a space in a field name, a bad method, a control character. */
    private static final List<String> UNPARSABLE = List.of(
            "GET / HTTP/1.1\r\nhost: x\r\nfo o: x\r\n\r\n",
            "G(T / HTTP/1.1\r\nhost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nhost: x\r\nx\u0001y: z\r\n\r\n");

    @Test
    void staticHitsAndParserRefusalsAreLogged(@TempDir Path dir) throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("a.txt"), "static a\n");
        Path log = dir.resolve("access.log");
        try (HostileServer server =
                HostileServer.start("--static", "/s=" + files, "--access-log-file", log.toString())) {
            int port = server.port();
            assertThat(exchange(port, "GET /s/a.txt?v=1 HTTP/1.1\r\nhost: x\r\nuser-agent: probe\r\n\r\n"))
                    .isEqualTo(200);
            assertThat(exchange(port, "GET /s/missing.txt HTTP/1.1\r\nhost: x\r\n\r\n"))
                    .isEqualTo(404);
            assertThat(exchange(
                            port, "GET /s/a.txt HTTP/1.1\r\nhost: x\r\nx-big: " + "b".repeat(9 * 1024) + "\r\n\r\n"))
                    .as("a static request with a field past the 8 KiB limit")
                    .isEqualTo(431);
            for (String request : UNPARSABLE) {
                assertThat(exchange(port, request)).as("answer to %s", request).isEqualTo(400);
            }
            assertThat(exchange(port, "GET /app HTTP/1.1\r\nhost: x\r\n\r\n")).isEqualTo(200);
            eventually(() -> assertThat(lines(log)).hasSize(3 + UNPARSABLE.size() + 1));
            // A line is written when its exchange completes, which may be after the client has read
            // the answer and sent the next request: the lines are matched by content, not position.
            List<String> lines = lines(log);
            assertThat(lines)
                    .filteredOn(line -> line.contains("\"GET /s/a.txt?v=1 HTTP/1.1\" 200 9 "))
                    .singleElement()
                    .satisfies(line -> assertThat(line).contains("\"probe\"").matches(".* [0-9a-f]+-[0-9a-f]+$"));
            assertThat(lines)
                    .filteredOn(line -> line.contains("\"GET /s/missing.txt HTTP/1.1\" 404 "))
                    .hasSize(1);
            assertThat(lines)
                    .filteredOn(line -> line.contains("\"GET /s/a.txt HTTP/1.1\" 431 "))
                    .hasSize(1);
            assertThat(lines)
                    .filteredOn(line -> line.contains("\"- - HTTP/1.1\" 400 "))
                    .hasSize(UNPARSABLE.size());
            assertThat(lines)
                    .filteredOn(line -> line.contains("\"GET /app HTTP/1.1\" 200 "))
                    .hasSize(1);
        }
    }

    /** Sends {@code request} alone on a connection and returns the status of its answer. */
    private static int exchange(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return RawHttp.readFramed(in).status();
        }
    }

    /** The lines of the log but the bystander's. */
    private static List<String> lines(Path log) throws Exception {
        return Files.exists(log)
                ? Files.readAllLines(log).stream()
                        .filter(line -> !line.contains("\"GET / HTTP/1.1\""))
                        .toList()
                : List.of();
    }
}
