package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The catalogue of faulty applications: each breaks exactly one application clause. */
public final class FaultyApps {

    private FaultyApps() {}

    public static List<FaultyApp> all() {
        List<FaultyApp> apps = new ArrayList<>(List.of(
                sync("returns-null", "JGI-APP-3", (request, exchange) -> null),
                sync("final-status-103", "JGI-RESP-1", (request, exchange) -> Response.empty(103)),
                sync("final-status-100", "JGI-RESP-1", (request, exchange) -> Response.text(100, "continue?")),
                sync(
                        "content-length-too-short",
                        "JGI-FRAME-5",
                        (request, exchange) ->
                                Response.of(200, Headers.of("content-length", "3"), Body.of(ascii("0123456789")))),
                sync(
                        "content-length-too-long",
                        "JGI-FRAME-5",
                        (request, exchange) ->
                                Response.of(200, Headers.of("content-length", "20"), Body.of(ascii("0123456789")))),
                sync(
                        "writer-short-of-its-content-length",
                        "JGI-FRAME-5",
                        (request, exchange) -> Response.of(
                                200,
                                Headers.of("content-length", "100"),
                                Body.writer(out -> out.write(ascii("short"))))),
                sync(
                        "trailers-without-the-capability",
                        "JGI-CAP-3",
                        (request, exchange) -> Response.text(200, "t")
                                .withHeader("trailer", "x-sum")
                                .withTrailers(() -> Headers.of("x-sum", "1"))),
                sync(
                        "trailer-with-content-length",
                        "JGI-EXT-2",
                        (request, exchange) -> Response.text(200, "t")
                                .withHeader("trailer", "content-length")
                                .withTrailers(() -> Headers.of("content-length", "1"))),
                sync(
                        "trailer-with-set-cookie",
                        "JGI-EXT-2",
                        (request, exchange) -> Response.text(200, "t")
                                .withHeader("trailer", "set-cookie")
                                .withTrailers(() -> Headers.of("set-cookie", "a=1"))),
                sync(
                        "trailers-not-named",
                        "JGI-EXT-10",
                        (request, exchange) -> Response.text(200, "t").withTrailers(() -> Headers.of("x-sum", "1"))),
                async(
                        "async-trailers-not-named",
                        "JGI-EXT-10",
                        (request, channel) -> channel.send(new Action.ResponseStart(200, Headers.of(), true))
                                .thenCompose(x -> channel.send(new Action.ResponseBody(buffer("t"), false)))
                                .thenCompose(x -> channel.send(new Action.ResponseTrailers(Headers.of("x-sum", "1"))))),
                sync("hook-registered-after-the-response", "JGI-APP-8", (request, exchange) -> {
                    exchange.onComplete(done -> exchange.onComplete(again -> {}));
                    return Response.text(200, "late hook");
                }),
                async("async-null-stage", "JGI-APP-5", (request, channel) -> null),
                async(
                        "async-body-before-start",
                        "JGI-ASYNC-3",
                        (request, channel) -> channel.send(new Action.ResponseBody(buffer("early"), false))
                                .exceptionally(t -> null)
                                .thenCompose(x -> AsyncReplies.text(channel, 200, "after"))),
                async(
                        "async-two-starts",
                        "JGI-ASYNC-3",
                        (request, channel) -> channel.send(new Action.ResponseStart(200, Headers.of(), false))
                                .thenCompose(x -> channel.send(new Action.ResponseStart(200, Headers.of(), false)))
                                .exceptionally(t -> null)
                                .thenCompose(x -> channel.send(new Action.ResponseBody(buffer("ok"), false)))),
                async(
                        "async-body-after-the-last",
                        "JGI-ASYNC-4",
                        (request, channel) -> AsyncReplies.text(channel, 200, "done")
                                .thenCompose(x -> channel.send(new Action.ResponseBody(buffer("more"), false)))
                                .exceptionally(t -> null)),
                async("async-sends-without-waiting", "JGI-STREAM-3", (request, channel) -> {
                    channel.send(new Action.ResponseStart(200, Headers.of(), false));
                    return channel.send(new Action.ResponseBody(buffer("racing"), false))
                            .exceptionally(t -> null);
                }),
                async("async-receives-without-waiting", "JGI-STREAM-4", (request, channel) -> {
                    CompletionStage<dev.jgi.api.Event> body = channel.receive();
                    return body.thenCompose(first -> {
                                channel.receive();
                                channel.receive();
                                return AsyncReplies.text(channel, 200, "received");
                            })
                            .exceptionally(t -> null);
                }),
                async(
                        "async-ends-before-the-response",
                        "JGI-ASYNC-8",
                        (request, channel) -> CompletableFuture.completedFuture(null)),
                async(
                        "async-final-status-103",
                        "JGI-RESP-1",
                        (request, channel) -> channel.send(new Action.ResponseStart(103, Headers.of(), false))
                                .exceptionally(t -> null)
                                .thenCompose(x -> channel.send(Action.ResponseBody.end()))
                                .exceptionally(t -> null)),
                async(
                        "async-hop-by-hop-field",
                        "JGI-RESP-4",
                        (request, channel) -> channel.send(
                                        new Action.ResponseStart(200, Headers.of("connection", "keep-alive"), false))
                                .thenCompose(x -> channel.send(Action.ResponseBody.end()))
                                .exceptionally(t -> null)),
                async(
                        "async-content-length-mismatch",
                        "JGI-FRAME-5",
                        (request, channel) -> channel.send(
                                        new Action.ResponseStart(200, Headers.of("content-length", "10"), false))
                                .thenCompose(x -> channel.send(new Action.ResponseBody(buffer("short"), false)))
                                .exceptionally(t -> null)),
                async(
                        "async-trailers-not-announced",
                        "JGI-EXT-6",
                        (request, channel) -> AsyncReplies.text(channel, 200, "t")
                                .thenCompose(x -> channel.send(new Action.ResponseTrailers(Headers.of("x-sum", "1"))))
                                .exceptionally(t -> null)),
                new FaultyApp("start-returns-null", "JGI-LIFE-8", () -> new Application() {
                    @Override
                    public Map<String, Object> start(ServerInfo server) {
                        return null;
                    }

                    @Override
                    public Response handle(Request request, dev.jgi.api.Exchange exchange) {
                        return Response.text(200, "started badly");
                    }
                })));
        for (String field :
                new String[] {"connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade"}) {
            apps.add(sync(
                    "hop-by-hop-" + field,
                    "JGI-RESP-4",
                    (request, exchange) ->
                            // connection: close is allowed [JGI-FRAME-11]: every field gets a value that is not.
                            Response.text(200, "hop")
                                    .withHeader(field, field.equals("te") ? "trailers" : "keep-alive")));
        }
        return List.copyOf(apps);
    }

    private static FaultyApp sync(String name, String clause, Application app) {
        return new FaultyApp(name, clause, () -> app);
    }

    private static FaultyApp async(String name, String clause, AsyncApplication app) {
        return new FaultyApp(name, clause, () -> app);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer buffer(String text) {
        return ByteBuffer.wrap(ascii(text));
    }

    /** A correct text answer on a channel, for the steps of a faulty app that are not its fault. */
    private static final class AsyncReplies {
        static CompletionStage<Void> text(Channel channel, int status, String text) {
            return channel.send(new Action.ResponseStart(status, Headers.of("content-type", "text/plain"), false))
                    .thenCompose(x -> channel.send(new Action.ResponseBody(buffer(text), false)));
        }
    }
}
