package dev.jgi.servlet.embedded;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An async application whose routes each show one behaviour of the bridge. */
final class AsyncProbe implements AsyncApplication {

    static final int PIECE = 64 * 1024;
    static final int PIECES = 1024;

    final AtomicInteger bigSent = new AtomicInteger();
    final List<String> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> gate = new CompletableFuture<>();

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        return switch (request.path()) {
            case "/echo" ->
                readAll(channel, new ByteArrayOutputStream(), 0).thenCompose(body -> text(channel, 200, body));
            case "/big" ->
                channel.send(new Action.ResponseStart(200, Headers.of(), false))
                        .thenCompose(started -> sendPieces(channel, 0));
            case "/unread" -> text(channel, 200, "not read");
            case "/gated" ->
                channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                        .thenCompose(s -> channel.send(new Action.ResponseBody(bytes("part1"), true)))
                        .thenCompose(s -> gate)
                        .thenCompose(s -> channel.send(new Action.ResponseBody(bytes("part2"), false)));
            case "/early-end" -> CompletableFuture.completedFuture(null);
            case "/fail-after-commit" ->
                channel.send(new Action.ResponseStart(200, Headers.of(), false))
                        .thenCompose(s -> channel.send(new Action.ResponseBody(bytes("partial"), true)))
                        .thenCompose(s -> CompletableFuture.failedFuture(new IllegalStateException("after commit")));
            case "/out-of-order" ->
                channel.send(new Action.ResponseBody(bytes("too early"), false))
                        .handle((ok, failure) -> String.valueOf(failure))
                        .thenCompose(message -> text(channel, 200, message));
            case "/hints" ->
                channel.send(new Action.EarlyHints(Headers.of("link", "</a.css>; rel=preload")))
                        .handle((ok, failure) -> String.valueOf(failure))
                        .thenCompose(message -> text(channel, 200, message));
            case "/trailers" ->
                channel.send(new Action.ResponseStart(200, Headers.of(), true))
                        .thenCompose(s -> channel.send(new Action.ResponseBody(bytes("with trailers"), false)))
                        .thenCompose(s -> channel.send(new Action.ResponseTrailers(Headers.of("x-sum", "42"))));
            case "/hop-by-hop" ->
                channel.send(new Action.ResponseStart(200, Headers.of("connection", "keep-alive"), false))
                        .handle((ok, refused) -> null)
                        .thenCompose(ignored -> new CompletableFuture<Void>());
            case "/short-body" ->
                channel.send(new Action.ResponseStart(200, Headers.of("content-length", "10"), false))
                        .thenCompose(s -> channel.send(new Action.ResponseBody(bytes("short"), false)))
                        .handle((ok, refused) -> null)
                        .thenCompose(ignored -> new CompletableFuture<Void>());
            case "/after" ->
                readAll(channel, new ByteArrayOutputStream(), 0)
                        .thenCompose(body -> text(channel, 200, "done"))
                        .thenCompose(sent -> channel.receive())
                        .thenAccept(event ->
                                events.add("after response: " + event.getClass().getSimpleName()));
            default ->
                text(
                        channel,
                        200,
                        "path=" + request.path() + "\nmountPath="
                                + request.target().mountPath() + "\n");
        };
    }

    /** The body, with the number of pieces it came in. */
    private static CompletionStage<String> readAll(Channel channel, ByteArrayOutputStream body, int pieces) {
        return channel.receive().thenCompose(event -> {
            if (!(event instanceof Event.RequestBody piece)) {
                return CompletableFuture.completedFuture("unexpected " + event);
            }
            ByteBuffer data = piece.data();
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            body.writeBytes(copy);
            return piece.last()
                    ? CompletableFuture.completedFuture(body.size() + " bytes in " + (pieces + 1) + " events")
                    : readAll(channel, body, pieces + 1);
        });
    }

    private CompletionStage<Void> sendPieces(Channel channel, int sent) {
        if (sent == PIECES) {
            return channel.send(Action.ResponseBody.end());
        }
        return channel.send(new Action.ResponseBody(ByteBuffer.allocate(PIECE), true))
                .thenCompose(done -> {
                    bigSent.incrementAndGet();
                    return sendPieces(channel, sent + 1);
                });
    }

    private static CompletionStage<Void> text(Channel channel, int status, String text) {
        return channel.send(new Action.ResponseStart(
                        status, Headers.of("content-type", "text/plain; charset=utf-8"), false))
                .thenCompose(s -> channel.send(new Action.ResponseBody(bytes(text), false)));
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
