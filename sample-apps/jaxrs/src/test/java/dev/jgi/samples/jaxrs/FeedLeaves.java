package dev.jgi.samples.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The leave-detection target of issue 14: with {@value #CLIENTS} live feeds open, every client
 * that leaves has its {@code SseEventSink} closed within {@link #TARGET}, though the application
 * writes nothing to it. The application's {@code /books/feed/open} counts the sinks not closed.
 */
final class FeedLeaves {

    static final int CLIENTS = 100;
    static final Duration TARGET = Duration.ofSeconds(1);

    private FeedLeaves() {}

    /** Opens the feeds, closes every socket, and returns how long until the app counted no open sink. */
    static Duration measure(InetSocketAddress server) throws Exception {
        List<Socket> clients = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI open = URI.create("http://" + server.getHostString() + ":" + server.getPort() + "/books/feed/open");
            int before = openFeeds(http, open);
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(subscribe(server));
            }
            assertThat(openFeeds(http, open)).isEqualTo(before + CLIENTS);
            long left = System.nanoTime();
            for (Socket client : clients) {
                client.close();
            }
            long deadline = left + Duration.ofSeconds(30).toNanos();
            while (openFeeds(http, open) > before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(openFeeds(http, open))
                    .as("feeds still open 30 s after their clients left")
                    .isEqualTo(before);
            return Duration.ofNanos(System.nanoTime() - left);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    /** A client that reads the feed's head and welcome, then holds the connection without reading. */
    private static Socket subscribe(InetSocketAddress server) throws IOException {
        Socket socket = new Socket(server.getAddress(), server.getPort());
        socket.setSoTimeout(30_000);
        socket.getOutputStream()
                .write(("GET /books/feed HTTP/1.1\r\nhost: " + server.getHostString()
                                + "\r\naccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (seen.indexOf("event: welcome") < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the feed ended before its welcome: " + seen);
            }
            seen.append((char) b);
        }
        return socket;
    }

    private static int openFeeds(HttpClient http, URI open) throws IOException, InterruptedException {
        String json = http.send(HttpRequest.newBuilder(open).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return Integer.parseInt(json.replaceAll("[^0-9]", ""));
    }
}
