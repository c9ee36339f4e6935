package dev.jgi.samples.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One client of a chat room, over WebSocket or server-sent events, that only listens and reports
 * how its connection ended, in words a test can count: {@code close 1001} (the server's close
 * code), {@code clean end} (an event stream whose body ended properly: the chunked terminator, then
 * end of stream), {@code status 502} (refused at the start), or the exception's simple name for a
 * connection that broke (a reset, a truncated body, a WebSocket without a close frame).
 *
 * @param opened completes once the server accepted the socket or sent the stream's first comment
 * @param ended completes with the outcome; never fails
 */
public record RoomConnection(CompletableFuture<Void> opened, CompletableFuture<String> ended) {

    /** The outcome of an event stream that the server ended properly. */
    public static final String CLEAN_END = "clean end";

    /** Opens {@code ws://.../rooms/NAME/ws} with {@code http}. */
    public static RoomConnection webSocket(HttpClient http, URI socket) {
        RoomConnection connection = new RoomConnection(new CompletableFuture<>(), new CompletableFuture<>());
        // The outcome goes to the connection's futures; nothing waits on this stage itself.
        var unused = http.newWebSocketBuilder()
                .buildAsync(socket, new Listener(connection.ended()))
                .whenComplete((open, failure) -> {
                    if (failure == null) {
                        connection.opened().complete(null);
                    } else {
                        connection.fail(failure);
                    }
                });
        return connection;
    }

    /** GETs {@code http://.../rooms/NAME/events} with {@code http} and reads it to its end on a virtual thread. */
    public static RoomConnection eventStream(HttpClient http, URI events) {
        RoomConnection connection = new RoomConnection(new CompletableFuture<>(), new CompletableFuture<>());
        Thread.ofVirtual().start(() -> connection.read(http, events));
        return connection;
    }

    private void read(HttpClient http, URI events) {
        try {
            HttpResponse<InputStream> response =
                    http.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    fail(
                            new IllegalStateException("status " + response.statusCode()),
                            "status " + response.statusCode());
                    return;
                }
                // The client's chunked decoder throws on a body cut before its terminator.
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(": connected")) {
                        opened.complete(null);
                    }
                }
            }
            ended.complete(opened.isDone() ? CLEAN_END : "ended before it opened");
        } catch (IOException | RuntimeException broken) {
            fail(broken);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            fail(interrupted);
        }
    }

    private void fail(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        String outcome = cause instanceof java.net.http.WebSocketHandshakeException handshake
                ? "status " + handshake.getResponse().statusCode()
                : cause.getClass().getSimpleName();
        fail(cause, outcome);
    }

    private void fail(Throwable cause, String outcome) {
        opened.completeExceptionally(cause);
        ended.complete(outcome);
    }

    /** Requests every message, ignores them, and completes {@code ended} at the close or the error. */
    private record Listener(CompletableFuture<String> ended) implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            // The client answers the close frame with the same code when this returns.
            ended.complete("close " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended.complete(error.getClass().getSimpleName());
        }
    }
}
