package dev.jgi.servlet.portability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.GatewayServer;
import dev.jgi.servlet.JgiServlet;
import dev.jgi.servlet.embedded.Deployment;
import dev.jgi.servlet.embedded.EmbeddedJetty;
import dev.jgi.servlet.embedded.EmbeddedTomcat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One application, unchanged, answers alike on the reference server and in both servlet containers. */
class SameResponsesTest {

    /** What a client can rely on: status, the application's header fields, and the body. */
    private record Seen(
            String request,
            int status,
            Optional<String> contentType,
            Optional<String> contentLength,
            List<String> setCookie,
            Optional<String> location,
            Optional<String> custom,
            String body) {}

    private static final String[][] SCRIPT = {
        {"GET", "/gb", ""},
        {"POST", "/gb/sign", "hello"},
        {"POST", "/gb/sign", "world"},
        {"GET", "/gb/entries", ""},
        {"GET", "/gb/stream", ""},
        {"GET", "/gb/query?a=1&b=%20", ""},
        {"GET", "/gb/missing", ""},
        {"HEAD", "/gb/entries", ""},
        {"DELETE", "/gb/entries", ""},
        {"GET", "/gb/entries", ""},
    };

    @Test
    void theReferenceServerJettyAndTomcatGiveTheSameResponses() throws Exception {
        List<Seen> reference;
        GatewayServer server = GatewayServer.builder(new Guestbook())
                .bind("127.0.0.1", 0)
                .mountPath("/gb")
                .build();
        server.start();
        try {
            reference = play(server.port());
        } finally {
            server.close();
        }
        try (Deployment jetty = EmbeddedJetty.start(new JgiServlet(new Guestbook()), "/gb")) {
            assertThat(play(jetty.address().getPort())).isEqualTo(reference);
        }
        try (Deployment tomcat = EmbeddedTomcat.start(new JgiServlet(new Guestbook()), "/gb")) {
            assertThat(play(tomcat.address().getPort())).isEqualTo(reference);
        }
        assertThat(reference.get(3).body()).isEqualTo("[\"hello\",\"world\"]");
    }

    /**
     * Jetty rewrites a known content type to its canonical spelling ({@code text/html;charset=utf-8});
     * RFC 9110 §8.3.1 makes the space after {@code ;} optional, so the two mean the same.
     */
    private static String mediaType(String value) {
        return value.replaceAll("\\s*;\\s*", ";");
    }

    private static List<Seen> play(int port) throws IOException, InterruptedException {
        List<Seen> seen = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            for (String[] step : SCRIPT) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + step[1]))
                        .method(
                                step[0],
                                step[2].isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(step[2]))
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                var headers = response.headers();
                seen.add(new Seen(
                        step[0] + " " + step[1],
                        response.statusCode(),
                        headers.firstValue("content-type").map(SameResponsesTest::mediaType),
                        headers.firstValue("content-length"),
                        headers.allValues("set-cookie"),
                        headers.firstValue("location"),
                        headers.firstValue("x-guestbook"),
                        response.body()));
            }
        }
        return seen;
    }
}
