package dev.jgi.server.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's WebSocket client, recording what it receives as whole messages. */
public final class WsClient implements WebSocket.Listener {

    /** A received message, pong or close. */
    public sealed interface Received {
        record Text(String text) implements Received {}

        record Binary(byte[] data) implements Received {}

        record Pong(byte[] data) implements Received {}

        record Close(int code, String reason) implements Received {}
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Received.Close> closed = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    private final boolean autoRequest;
    public WebSocket socket;

    private WsClient(boolean autoRequest) {
        this.autoRequest = autoRequest;
    }

    public static WsClient connect(int port, String... subprotocols) {
        return open(port, true, subprotocols);
    }

    /** A client that reads only as far as {@code socket.request(n)} allows. */
    static WsClient connectWithoutReading(int port) {
        return open(port, false);
    }

    /** A reading client for any URI, through the given HTTP client. */
    static WsClient open(HttpClient http, URI uri) {
        WsClient client = new WsClient(true);
        client.socket = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, client)
                .join();
        return client;
    }

    private static WsClient open(int port, boolean autoRequest, String... subprotocols) {
        WsClient client = new WsClient(autoRequest);
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
                .join();
        return client;
    }

    public Received next() throws InterruptedException {
        Received next = received.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing received within 10 s");
        }
        return next;
    }

    public Received.Close awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (autoRequest) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(new Received.Text(text.toString()));
            text.setLength(0);
        }
        more(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] piece = new byte[data.remaining()];
        data.get(piece);
        binary.writeBytes(piece);
        if (last) {
            received.add(new Received.Binary(binary.toByteArray()));
            binary.reset();
        }
        more(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        byte[] data = new byte[message.remaining()];
        message.get(data);
        received.add(new Received.Pong(data));
        more(webSocket);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        Received.Close close = new Received.Close(statusCode, reason);
        received.add(close);
        closed.complete(close);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    private void more(WebSocket webSocket) {
        if (autoRequest) {
            webSocket.request(1);
        }
    }
}
