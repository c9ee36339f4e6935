package dev.jgi.samples.chat;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rooms over WebSocket and server-sent events, on the real server with real clients. */
class ChatTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Chat APP = new Chat(Duration.ofMillis(200));
    private static EmbeddedServer server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedServer.startAsync(APP);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void pageChoosesWebSocketWhenTheServerOffersIt() throws Exception {
        assertThat(get("/rooms/lobby").body())
                .contains("data-transport=\"websocket\"")
                .contains("/static/js/chat.js");
        assertThat(get("/rooms/lobby?transport=sse").body()).contains("data-transport=\"sse\"");
    }

    @Test
    void webSocketClientsInARoomSeeEachOthersMessages() throws Exception {
        Listener ada = new Listener();
        Listener bob = new Listener();
        WebSocket adaSocket = connect("/rooms/ws-room/ws", ada);
        WebSocket bobSocket = connect("/rooms/ws-room/ws", bob);
        awaitListeners("ws-room", 2);
        adaSocket.sendText("{\"name\":\"Ada\",\"text\":\"hello Bob\"}", true).get(10, TimeUnit.SECONDS);
        assertThat(bob.next())
                .contains("\"name\":\"Ada\"")
                .contains("\"text\":\"hello Bob\"")
                .contains("\"room\":\"ws-room\"");
        assertThat(ada.next()).contains("hello Bob");
        adaSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        bobSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        awaitListeners("ws-room", 0);
    }

    @Test
    void eventStreamDeliversMessagesPostedOverHttp() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = CLIENT.sendAsync(
                HttpRequest.newBuilder(server.uri("/rooms/sse-room/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
        Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        awaitListeners("sse-room", 1);

        HttpResponse<String> posted =
                postMessage("/rooms/sse-room/messages", "{\"name\":\"Cy\",\"text\":\"over SSE\"}");
        assertThat(posted.statusCode()).isEqualTo(204);
        String data = null;
        for (String line = lines.poll(10, TimeUnit.SECONDS);
                line != null && data == null;
                line = lines.poll(10, TimeUnit.SECONDS)) {
            data = line.startsWith("data: ") ? line : null;
        }
        assertThat(data).contains("\"text\":\"over SSE\"");
        response.body().close();
        awaitListeners("sse-room", 0);
    }

    @Test
    void webSocketMessageReachesEventStreamListeners() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = CLIENT.send(
                HttpRequest.newBuilder(server.uri("/rooms/mixed/events")).build(), HttpResponse.BodyHandlers.ofLines());
        Thread.ofVirtual()
                .start(() -> response.body().filter(l -> l.startsWith("data: ")).forEach(lines::add));
        WebSocket socket = connect("/rooms/mixed/ws", new Listener());
        awaitListeners("mixed", 2);
        socket.sendText("{\"name\":\"Dee\",\"text\":\"bridged\"}", true).get(10, TimeUnit.SECONDS);
        assertThat(lines.poll(10, TimeUnit.SECONDS)).contains("bridged");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        response.body().close();
    }

    @Test
    void messagesStayInTheirRoom() throws Exception {
        Listener outsider = new Listener();
        WebSocket socket = connect("/rooms/quiet/ws", outsider);
        awaitListeners("quiet", 1);
        postMessage("/rooms/noisy/messages", "{\"name\":\"Eve\",\"text\":\"elsewhere\"}");
        assertThat(outsider.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    @Test
    void latecomerGetsTheRecentHistory() throws Exception {
        postMessage("/rooms/history/messages", "{\"name\":\"Fay\",\"text\":\"earlier\"}");
        Listener late = new Listener();
        WebSocket socket = connect("/rooms/history/ws", late);
        assertThat(late.next()).contains("earlier");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    @Test
    void malformedMessageGetsAnErrorNotABroadcast() throws Exception {
        Listener sender = new Listener();
        WebSocket socket = connect("/rooms/strict/ws", sender);
        socket.sendText("not json", true).get(10, TimeUnit.SECONDS);
        assertThat(sender.next()).startsWith("{\"error\":");
        assertThat(postMessage("/rooms/strict/messages", "{\"name\":\"\"}").statusCode())
                .isEqualTo(400);
        assertThat(postMessage("/rooms/strict/messages", "{\"name\":\"G\",\"text\":\"" + "x".repeat(9000) + "\"}")
                        .statusCode())
                .isEqualTo(413);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    @Test
    void crossOriginWebSocketIsRefused() {
        CompletableFuture<WebSocket> attempt = CLIENT.newWebSocketBuilder()
                .header("origin", "http://evil.example")
                .buildAsync(
                        URI.create(server.uri("/rooms/lobby/ws").toString().replace("http:", "ws:")), new Listener());
        assertThat(attempt)
                .failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(
                                ((WebSocketHandshakeException) e).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void unknownRoomNameAndWrongMethodAreRefused() throws Exception {
        assertThat(get("/rooms/Not_Valid").statusCode()).isEqualTo(404);
        HttpResponse<String> wrong = CLIENT.send(
                HttpRequest.newBuilder(server.uri("/rooms/lobby/messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("allow")).hasValue("POST");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postMessage(String path, String json) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(server.uri(path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static WebSocket connect(String path, Listener listener) throws Exception {
        URI uri = URI.create(server.uri(path).toString().replace("http:", "ws:"));
        return CLIENT.newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
    }

    private static void awaitListeners(String room, int count) throws InterruptedException {
        eventually(
                WAIT,
                () -> assertThat(APP.listeners(room)).as("listeners in " + room).isEqualTo(count));
    }

    /** Collects whole text messages. */
    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String next() throws InterruptedException {
            String message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }
    }
}
