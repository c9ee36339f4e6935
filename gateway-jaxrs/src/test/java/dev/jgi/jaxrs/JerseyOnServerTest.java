package dev.jgi.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.GatewayServer;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LongSummaryStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container on the reference server, over real sockets. */
class JerseyOnServerTest {

    private static GatewayServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = GatewayServer.builderAsync(new JerseyApplication(Resources.config()))
                .bind("127.0.0.1", 0)
                .mountPath("/api")
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void theBaseUriCarriesTheHostTheClientNamedAndTheMount() throws Exception {
        HttpResponse<String> response =
                client.send(HttpRequest.newBuilder(uri("/api/uris")).build(), HttpResponse.BodyHandlers.ofString());
        String origin = "http://127.0.0.1:" + server.port();
        assertThat(response.body()).isEqualTo(origin + "/api/ " + origin + "/api/uris uris");
    }

    @Test
    void aLargeUploadStreamsThroughToTheResource() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024];
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri("/api/count"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo(Integer.toString(body.length));
    }

    @Test
    void aLongStreamingOutputArrivesChunked() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri("/api/lines?n=20000")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("content-length")).isEmpty();
        assertThat(response.body().lines()).hasSize(20000).endsWith("line 19999");
    }

    /**
     * 100 real SSE clients, each with its sink open and idle; they leave one after another, and each
     * sink is closed within 1 s of its client leaving without the resource writing: the server's
     * disconnect callback [JGI-DISC-6] closes it.
     */
    @Test
    void eachOfAHundredEventSinksClosesWithinASecondOfItsClientLeaving() throws Exception {
        int clients = 100;
        Resources.TAGGED.clear();
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int id = 0; id < clients; id++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                sockets.add(socket);
                socket.setSoTimeout(5000);
                socket.getOutputStream()
                        .write(("GET /api/events/tagged?id=" + id + " HTTP/1.1\r\nhost: x\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                awaitText(socket.getInputStream(), "data: hello " + id + "\n");
            }
            assertThat(Resources.TAGGED).hasSize(clients);
            assertThat(Resources.TAGGED.values()).noneMatch(SseEventSink::isClosed);
            long[] left = new long[clients];
            long[] closedAfter = new long[clients];
            Arrays.fill(closedAfter, -1);
            for (int id = 0; id < clients; id++) {
                sockets.get(id).close();
                left[id] = System.nanoTime();
            }
            long deadline = System.nanoTime() + 3_000_000_000L;
            int open = clients;
            while (open > 0 && System.nanoTime() < deadline) {
                open = 0;
                for (int id = 0; id < clients; id++) {
                    if (closedAfter[id] < 0) {
                        if (Resources.TAGGED.get(id).isClosed()) {
                            closedAfter[id] = (System.nanoTime() - left[id]) / 1_000_000;
                        } else {
                            open++;
                        }
                    }
                }
                Thread.sleep(2);
            }
            LongSummaryStatistics delays = Arrays.stream(closedAfter).summaryStatistics();
            System.out.println("SSE sinks closed after their client left, ms: " + delays);
            assertThat(Arrays.stream(closedAfter).boxed().toList())
                    .as("ms from each client leaving to its sink closed (-1: never)")
                    .allMatch(ms -> ms >= 0 && ms <= 1000);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static void awaitText(InputStream in, String text) throws java.io.IOException {
        StringBuilder seen = new StringBuilder();
        while (seen.indexOf(text) < 0) {
            int b = in.read();
            assertThat(b)
                    .as("the stream ended before '%s'; it read: %s", text, seen)
                    .isNotNegative();
            seen.append((char) b);
        }
    }
}
