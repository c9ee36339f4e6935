package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.testing.RawHttp;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks made on a request head's bytes as received (a bare CR, obsolete line folding) apply to
 * every request the server answers, a static file's as an app's [JGI-HDR-6]: the same 400 and the
 * same access-log line, also on a kept-alive or pipelined connection, where each request is checked
 * against its own head and never against the one before or after it.
 */
class RawHeadChecksTest {

    /** Heads only the raw check refuses (Undertow's parser takes them), by name, with {@code %s} for the target. */
    private static final Map<String, String> FOLDED = Map.of(
            "obsolete line folding with a space", "GET %s HTTP/1.1\r\nhost: x\r\nx-a: b\r\n c\r\n\r\n",
            "obsolete line folding with a tab", "GET %s HTTP/1.1\r\nhost: x\r\nx-a: b\r\n\tc\r\n\r\n");

    /**
     * Heads with a bare CR: the raw check refuses them, and so does Undertow's parser, which comes
     * first and answers before any exchange exists (logged as {@code "- - HTTP/1.1"}).
     */
    private static final Map<String, String> BARE_CR = Map.of(
            "in the request line", "GET %s HTTP/1.1\r\r\nhost: x\r\n\r\n",
            "in a header line", "GET %s HTTP/1.1\r\nhost: x\rx-a: b\r\n\r\n");

    private static final String FILE = "/static/a.txt";
    private static final String FILE_TEXT = "static a\n";

    @TempDir
    static Path dir;

    private static GatewayServer server;
    private static Path log;

    @BeforeAll
    static void start() throws IOException {
        Path files = Files.createDirectories(dir.resolve("files"));
        Files.writeString(files.resolve("a.txt"), FILE_TEXT);
        log = dir.resolve("access.log");
        Application app = (request, exchange) -> Response.text(200, "app " + request.path());
        server = Servers.started(Servers.quiet(app)
                .accessLog(ServerConfig.AccessLogFormat.COMBINED)
                .accessLogFile(log.toString())
                .staticMount("/static", files.toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMalformedHeadGets400OnStaticFilesMissesAndAppPaths() throws Exception {
        List<String> logged = new ArrayList<>();
        int n = 0;
        for (Map<String, String> shapes : List.of(FOLDED, BARE_CR)) {
            for (var shape : shapes.entrySet()) {
                for (String path : List.of(FILE, "/static/missing.txt", "/page")) {
                    String target = path + "?alone=" + n++;
                    assertRefusedAlone(shape.getValue().formatted(target), shape.getKey() + " on " + path);
                    logged.add("\"GET " + target + " HTTP/1.1\" 400 ");
                }
            }
        }
        assertLogged(logged.subList(0, 3 * FOLDED.size()));
        eventually(() -> assertThat(lines())
                .filteredOn(line -> line.contains("\"- - HTTP/1.1\" 400 "))
                .hasSize(3 * BARE_CR.size()));
    }

    /** Sends {@code request} alone on a connection: it gets 400, without a file's or the app's answer, and the connection closes. */
    private static void assertRefusedAlone(String request, String what) throws IOException {
        try (Socket socket = socket()) {
            send(socket, request);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RawHttp.Framed answer = RawHttp.readFramed(in);
            assertThat(answer.status()).as(what).isEqualTo(400);
            assertThat(text(answer)).as(what).doesNotContain("static a", "app ");
            assertThat(in.read())
                    .as("the connection's end after the 400 to %s", what)
                    .isEqualTo(-1);
        }
    }

    @Test
    void pipelinedRequestsAreEachCheckedAgainstTheirOwnHead() throws Exception {
        assertPipelined(good(FILE + "?p=1") + bad(FILE + "?p=2"), 200, 400);
        assertPipelined(bad(FILE + "?p=3") + good(FILE + "?p=4"), 400);
        assertPipelined(good(FILE + "?p=5") + bad("/page?p=6"), 200, 400);
        assertPipelined(bad("/page?p=7") + good(FILE + "?p=8"), 400);
        assertPipelined(good("/page?p=9") + bad(FILE + "?p=10"), 200, 400);
        assertPipelined(good("/static/missing.txt?p=11") + bad(FILE + "?p=12"), 404, 400);
        assertPipelined(good(FILE + "?p=13") + good(FILE + "?p=14") + good("/page?p=15"), 200, 200, 200);
        assertLogged(List.of(
                "\"GET /static/a.txt?p=1 HTTP/1.1\" 200 ",
                "\"GET /static/a.txt?p=2 HTTP/1.1\" 400 ",
                "\"GET /static/a.txt?p=3 HTTP/1.1\" 400 ",
                "\"GET /static/a.txt?p=5 HTTP/1.1\" 200 ",
                "\"GET /page?p=6 HTTP/1.1\" 400 ",
                "\"GET /page?p=7 HTTP/1.1\" 400 ",
                "\"GET /page?p=9 HTTP/1.1\" 200 ",
                "\"GET /static/a.txt?p=10 HTTP/1.1\" 400 ",
                "\"GET /static/missing.txt?p=11 HTTP/1.1\" 404 ",
                "\"GET /static/a.txt?p=12 HTTP/1.1\" 400 ",
                "\"GET /static/a.txt?p=13 HTTP/1.1\" 200 ",
                "\"GET /static/a.txt?p=14 HTTP/1.1\" 200 ",
                "\"GET /page?p=15 HTTP/1.1\" 200 "));
        assertThat(lines()).noneMatch(line -> line.contains("?p=4 ") || line.contains("?p=8 "));
    }

    @Test
    void aKeptAliveConnectionChecksEachHeadAsItComes() throws Exception {
        try (Socket socket = socket()) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            send(socket, good(FILE + "?k=1"));
            assertThat(RawHttp.readFramed(in).status()).isEqualTo(200);
            send(socket, good("/page?k=2"));
            assertThat(RawHttp.readFramed(in).status()).isEqualTo(200);
            send(socket, bad(FILE + "?k=3"));
            assertThat(RawHttp.readFramed(in).status()).isEqualTo(400);
        }
        assertLogged(List.of("\"GET /static/a.txt?k=3 HTTP/1.1\" 400 "));
    }

    /**
     * A head refused before any exchange exists waits for the complete requests before it to be
     * answered, a static file's too (RFC 9112 §9.3.2): the static request takes its own record, so
     * none is left pending to hold the refusal back.
     */
    @Test
    void aStaticRequestBeforeAnOversizedOneIsAnsweredThenTheRefusal() throws Exception {
        String tooLong = "GET /" + "x".repeat(10 * 1024) + " HTTP/1.1\r\nhost: x\r\n\r\n";
        assertPipelined(good(FILE + "?r=1") + tooLong, 200, 414);
    }

    /** Sends {@code requests} in one write and expects these statuses, in order, then the connection's end. */
    private static void assertPipelined(String requests, int... statuses) throws IOException {
        try (Socket socket = socket()) {
            send(socket, requests);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < statuses.length; i++) {
                RawHttp.Framed answer = RawHttp.readFramed(in);
                assertThat(answer.status())
                        .as("answer %d to %s", i + 1, requests)
                        .isEqualTo(statuses[i]);
                if (answer.status() == 200) {
                    assertThat(text(answer)).as("answer %d", i + 1).isIn(FILE_TEXT, "app /page");
                }
            }
            if (statuses[statuses.length - 1] != 200) {
                assertThat(in.read())
                        .as("the end after the last answer to %s", requests)
                        .isEqualTo(-1);
            }
        }
    }

    private static String good(String target) {
        return "GET " + target + " HTTP/1.1\r\nhost: x\r\n\r\n";
    }

    private static String bad(String target) {
        return FOLDED.get("obsolete line folding with a space").formatted(target);
    }

    private static Socket socket() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
        return socket;
    }

    private static void send(Socket socket, String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private static String text(RawHttp.Framed answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    /** Each of {@code parts} is in exactly one line of the access log (a line is written as its exchange completes). */
    private static void assertLogged(List<String> parts) throws InterruptedException {
        eventually(() -> {
            List<String> lines = lines();
            for (String part : parts) {
                assertThat(lines)
                        .as("lines with %s in %s", part, lines)
                        .filteredOn(line -> line.contains(part))
                        .hasSize(1);
            }
        });
    }

    private static List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
