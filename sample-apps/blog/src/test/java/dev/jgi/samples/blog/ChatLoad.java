package dev.jgi.samples.blog;

import dev.jgi.samples.testing.RoomConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Chat clients in one room through a balancer, WebSocket and server-sent events, each reconnecting
 * as soon as its connection ends, as the chat's page does. Every opening and every ending is
 * counted by transport and outcome: {@code WebSocket opened}, {@code WebSocket close 1001},
 * {@code SSE clean end}, or how it failed ({@code SSE status 502}, an exception's name).
 */
final class ChatLoad implements AutoCloseable {

    static final String OPENED = "opened";
    /** Shorter than the chat page's second, so that a test's clients are back quickly. */
    private static final java.time.Duration RECONNECT_PAUSE = java.time.Duration.ofMillis(200);

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();

    private ChatLoad() {}

    /** Starts {@code sockets} WebSocket and {@code streams} event-stream clients of {@code base}'s room "scale". */
    static ChatLoad start(URI base, int sockets, int streams) {
        ChatLoad load = new ChatLoad();
        URI socket = URI.create(base.resolve("/rooms/scale/ws").toString().replaceFirst("^http", "ws"));
        URI events = base.resolve("/rooms/scale/events");
        for (int i = 0; i < sockets; i++) {
            load.clients.add(Thread.ofVirtual().start(() -> load.loop("WebSocket", RoomConnection::webSocket, socket)));
        }
        for (int i = 0; i < streams; i++) {
            load.clients.add(Thread.ofVirtual().start(() -> load.loop("SSE", RoomConnection::eventStream, events)));
        }
        return load;
    }

    private void loop(String transport, BiFunction<HttpClient, URI, RoomConnection> open, URI uri) {
        while (running.get()) {
            RoomConnection connection = open.apply(http, uri);
            if (connection.opened().handle((ok, refused) -> refused == null).join()) {
                count(transport, OPENED);
            }
            String ending = connection.ended().join();
            if (!running.get()) {
                return;
            }
            count(transport, ending);
            try {
                Thread.sleep(RECONNECT_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void count(String transport, String outcome) {
        outcomes.computeIfAbsent(transport + " " + outcome, o -> new AtomicInteger())
                .incrementAndGet();
    }

    /** The counts so far, for example {@code SSE clean end=3, SSE opened=5, WebSocket close 1001=3}. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counts.put(outcome, n.get()));
        return counts;
    }

    int count(String transportAndOutcome) {
        return counts().getOrDefault(transportAndOutcome, 0);
    }

    /** Stops counting, cuts the open connections and waits for the clients. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        http.shutdownNow();
        for (Thread client : clients) {
            client.join();
        }
    }
}
