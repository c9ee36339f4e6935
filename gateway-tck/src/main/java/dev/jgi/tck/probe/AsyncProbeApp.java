package dev.jgi.tck.probe;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The async probe: the same routes as {@link ProbeApp}, answered with events and actions, never blocking. */
public final class AsyncProbeApp implements AsyncApplication {

    private static final long DISCONNECT_BUDGET = 8L * 1024 * 1024;

    private final ProbeState state = new ProbeState();

    @Override
    public Map<String, Object> start(ServerInfo server) {
        return state.started(server);
    }

    @Override
    public void stop() {
        state.stopped();
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        if (request.kind() == Request.Kind.WEBSOCKET) {
            return WebSocketProbe.handle(request, channel, state);
        }
        Route route = Route.of(request.path());
        var common = Replies.common(route, request, state);
        if (common.isPresent()) {
            return send(channel, common.get());
        }
        String key = route.argument();
        return switch (route.name()) {
            case "hooks" -> {
                for (String hook : new String[] {"first", "second", "third"}) {
                    channel.onComplete(done -> {
                        state.record(key, hook + " " + Replies.completion(done));
                        if (hook.equals("second")) {
                            throw new IllegalStateException("completion hook failure provoked by the TCK [JGI-DONE-4]");
                        }
                    });
                }
                yield send(channel, Reply.text(200, "hooks registered"));
            }
            case "block" ->
                state.gate(key)
                        .orTimeout(5, TimeUnit.SECONDS)
                        .handle((ok, timeout) ->
                                timeout == null ? Reply.text(200, "released") : Reply.text(504, "never released"))
                        .thenCompose(reply -> send(channel, reply));
            case "flood" -> {
                channel.onComplete(done -> state.record(key + ".done", Replies.completion(done)));
                yield channel.send(new Action.ResponseStart(
                                200, Headers.of("content-type", "application/octet-stream"), false))
                        .thenCompose(started -> sendUntilGone(channel, key, 0));
            }
            case "trailers" ->
                channel.send(new Action.ResponseStart(
                                200, Headers.of("content-type", "text/plain", "trailer", "x-checksum"), true))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("with trailers"), false)))
                        .thenCompose(
                                x -> channel.send(new Action.ResponseTrailers(Headers.of("x-checksum", "abc123"))));
            case "trailers-sized" ->
                channel.send(new Action.ResponseStart(
                                200,
                                Headers.of(
                                        "content-type", "text/plain", "content-length", "13", "trailer", "x-checksum"),
                                true))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("with trailers"), false)))
                        .thenCompose(
                                x -> channel.send(new Action.ResponseTrailers(Headers.of("x-checksum", "abc123"))));
            case "trailers-counted" -> {
                state.record(key, "handled");
                yield channel.send(new Action.ResponseStart(
                                200, Headers.of("content-type", "text/plain", "trailer", "x-checksum"), true))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("with trailers"), false)))
                        .thenCompose(x -> channel.send(new Action.ResponseTrailers(Headers.of("x-checksum", "abc123"))))
                        .whenComplete((x, failure) ->
                                state.record(key, failure == null ? "trailers stage ok" : "trailers stage failed"));
            }
            case "request-trailers" -> {
                int before = channel.requestTrailers().size();
                yield collect(channel, new BodyFacts())
                        .thenCompose(body -> send(
                                channel,
                                Reply.text(
                                        200, Replies.requestTrailers(before, body.head(), channel.requestTrailers()))));
            }
            case "early-hints" ->
                channel.send(new Action.EarlyHints(Headers.of("link", "</style.css>; rel=preload; as=style")))
                        .handle((x, failure) -> failure == null)
                        .thenCompose(sent -> send(channel, Reply.text(200, "early hints sent: " + sent)));
            case "gated" ->
                channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("part1"), true)))
                        .thenCompose(x ->
                                state.gate(key).orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("part2"), false)));
            case "hooks-fail" -> {
                channel.onComplete(done -> state.record(key, "hook " + Replies.completion(done)));
                yield CompletableFuture.failedFuture(
                        new IllegalStateException("probe failure after registering a hook, provoked by the TCK"));
            }
            case "after-response" ->
                collect(channel, new BodyFacts())
                        .thenCompose(body -> send(channel, Reply.text(200, "answered")))
                        .thenCompose(x -> channel.receive())
                        .thenCompose(first -> {
                            state.record(key, first.getClass().getSimpleName());
                            return channel.receive();
                        })
                        .thenAccept(
                                second -> state.record(key, second.getClass().getSimpleName()));
            case "receive-while-answering" ->
                collect(channel, new BodyFacts()).thenCompose(body -> {
                    // Pending while the response goes out: the response's end must complete it [JGI-DISC-3].
                    CompletionStage<Event> pending = channel.receive();
                    return send(channel, Reply.text(200, "answered"))
                            .thenCompose(x -> pending)
                            .thenCompose(first -> {
                                state.record(key, first.getClass().getSimpleName());
                                return channel.receive();
                            })
                            .thenAccept(second ->
                                    state.record(key, second.getClass().getSimpleName()));
                });
            case "out-of-order" ->
                refusedThenAnswered(channel, new Action.ResponseBody(ascii("too early"), false), key);
            case "unknown-action" -> refusedThenAnswered(channel, new UnknownAction(), key);
            case "file" -> sendFile(request, channel, ProbeFiles.Region.of(key));
            case "limit" -> limited(channel, route.number(0), false);
            case "limit-caught" -> limited(channel, route.number(0), true);
            case "await-disconnect" -> awaitDisconnect(channel, key, 0);
            case "disconnect-signal" -> SignalRoutes.awaitDisconnect(key, channel, state);
            case "disconnect-after-whole" -> SignalRoutes.wholeThenLeave(key, channel, state);
            case "respond-then-await-disconnect" ->
                channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("partial"), true)))
                        .thenCompose(x -> awaitDisconnect(channel, key, 0));
            case "complete-early" -> CompletableFuture.completedFuture(null);
            case "complete-mid" ->
                channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("first"), true)));
            case "bad-length" ->
                channel.send(new Action.ResponseStart(
                                200, Headers.of("content-type", "text/plain", "content-length", "10"), false))
                        .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("short"), false)));
            default ->
                collect(channel, new BodyFacts())
                        .whenComplete((body, failure) -> {
                            // A failed receive fails the stage, so the echo below never runs to log it.
                            if (failure != null) {
                                Replies.logRead(request, state, "failed: " + failure);
                            }
                        })
                        .thenCompose(body -> send(channel, Reply.json(Replies.echo("async", request, body, state))));
        };
    }

    /**
     * Receives the body under an exchange limit [JGI-LIM-9], answering as the sync probe does.
     * Caught, the failure is reported with the bytes the application got; uncaught, it fails the
     * stage for the server to answer 413 [JGI-LIM-8].
     */
    private CompletionStage<Void> limited(Channel channel, int maxBytes, boolean caught) {
        channel.limitBody(maxBytes);
        long[] got = {0};
        return receiveAll(channel, got)
                .handle((x, failure) -> {
                    Throwable cause =
                            failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
                    if (cause == null) {
                        return send(channel, Reply.text(200, "read " + got[0] + " bytes"));
                    }
                    if (!caught) {
                        return CompletableFuture.<Void>failedFuture(cause);
                    }
                    return send(
                            channel,
                            Reply.text(
                                    200,
                                    "refused after " + got[0] + " bytes: "
                                            + cause.getClass().getName()));
                })
                .thenCompose(answer -> answer);
    }

    private static CompletionStage<Void> receiveAll(Channel channel, long[] got) {
        return channel.receive().thenCompose(event -> {
            if (event instanceof Event.RequestBody piece) {
                got[0] += piece.data().remaining();
                if (!piece.last()) {
                    return receiveAll(channel, got);
                }
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** An action no version of JGI defines, which every server refuses [JGI-EVO-3]. */
    private record UnknownAction() implements Action.Extension {}

    /**
     * Sends {@code refused}, records how its stage ended under {@code key}, then answers: the
     * server must have refused the action and sent nothing for it [JGI-ASYNC-5] [JGI-EVO-3].
     */
    private CompletionStage<Void> refusedThenAnswered(Channel channel, Action refused, String key) {
        return channel.send(refused)
                .handle((x, failure) -> {
                    Throwable cause =
                            failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
                    state.record(
                            key,
                            cause == null ? "accepted" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
                    return null;
                })
                .thenCompose(x -> send(channel, Reply.text(200, "in order")));
    }

    /** As a file action, which every server sends, with or without FILE_SENDING [JGI-BODYOUT-7]. */
    private CompletionStage<Void> sendFile(Request request, Channel channel, ProbeFiles.Region region) {
        // The length is known, as for the sync probe's FileRegion [JGI-FRAME-2].
        Headers headers = ProbeApp.fileHeaders(request).plus("content-length", Long.toString(region.count()));
        return channel.send(new Action.ResponseStart(200, headers, false))
                .thenCompose(x ->
                        channel.send(new Action.ResponseFile(region.file(), region.offset(), region.length(), false)));
    }

    /**
     * Records each body event as {@code body TOTAL} ({@code last} added to the last), then keeps
     * receiving after the last and records the event that ends the wait, with the time it came
     * ({@code Disconnect at MILLIS}) [JGI-DISC-8].
     */
    private CompletionStage<Void> awaitDisconnect(Channel channel, String key, long received) {
        return channel.receive().thenCompose(event -> {
            if (event instanceof Event.RequestBody piece) {
                long total = received + piece.data().remaining();
                state.record(key, "body " + total + (piece.last() ? " last" : ""));
                return awaitDisconnect(channel, key, total);
            }
            state.record(key, event.getClass().getSimpleName() + " at " + System.currentTimeMillis());
            return CompletableFuture.completedFuture(null);
        });
    }

    private static CompletionStage<BodyFacts> collect(Channel channel, BodyFacts body) {
        return channel.receive().thenCompose(event -> {
            switch (event) {
                case Event.RequestBody piece -> {
                    ByteBuffer data = piece.data();
                    byte[] bytes = new byte[data.remaining()];
                    data.get(bytes);
                    body.add(bytes, 0, bytes.length);
                    return piece.last() ? CompletableFuture.completedFuture(body) : collect(channel, body);
                }
                case Event.Disconnect gone -> body.fail("disconnect before the last body event");
                default -> body.fail("unexpected event " + event.getClass().getSimpleName());
            }
            return CompletableFuture.completedFuture(body);
        });
    }

    private static CompletionStage<Void> send(Channel channel, Reply reply) {
        Headers headers = reply.shape() == Reply.Shape.KNOWN_LENGTH
                ? reply.headers().plus("content-length", Integer.toString(reply.length()))
                : reply.headers();
        if (reply.shape() == Reply.Shape.FAIL_BEFORE) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("probe failure before the response, provoked by the TCK"));
        }
        CompletionStage<Void> sent = channel.send(new Action.ResponseStart(reply.status(), headers, false));
        var pieces = reply.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            boolean more = (reply.shape() != Reply.Shape.KNOWN_LENGTH && reply.shape() != Reply.Shape.STREAMED)
                    || i < pieces.size() - 1;
            ByteBuffer piece = ByteBuffer.wrap(pieces.get(i));
            sent = sent.thenCompose(x -> channel.send(new Action.ResponseBody(piece, more)));
        }
        return switch (reply.shape()) {
            case FAIL_MID_BODY ->
                sent.thenCompose(x -> CompletableFuture.failedFuture(
                        new IllegalStateException("probe failure mid-body, provoked by the TCK")));
            case STREAMED, KNOWN_LENGTH ->
                pieces.isEmpty() ? sent.thenCompose(x -> channel.send(Action.ResponseBody.end())) : sent;
            case FAIL_BEFORE -> throw new IllegalStateException("handled above");
        };
    }

    private CompletionStage<Void> sendUntilGone(Channel channel, String key, long sent) {
        if (sent >= DISCONNECT_BUDGET) {
            state.record(key, "never failed");
            return channel.send(Action.ResponseBody.end());
        }
        return channel.send(new Action.ResponseBody(ByteBuffer.wrap(Replies.pattern(8192)), true))
                .handle((ok, failure) -> failure)
                .thenCompose(failure -> {
                    if (failure == null && (sent + 8192) % (1024 * 1024) == 0) {
                        state.record(key, "progress");
                    }
                    if (failure == null) {
                        return sendUntilGone(channel, key, sent + 8192);
                    }
                    Throwable cause =
                            failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
                    state.record(
                            key,
                            cause instanceof ClientDisconnectedException
                                    ? "disconnected"
                                    : "io-error " + cause.getClass().getName());
                    return CompletableFuture.<Void>completedFuture(null);
                });
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
