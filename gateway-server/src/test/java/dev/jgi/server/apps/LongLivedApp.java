package dev.jgi.server.apps;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An async app for the shutdown matrix, one route per kind of exchange a drain meets: {@code /ws}
 * echoes WebSocket messages and ignores the drain (the server must close it with 1001 at the
 * graceful timeout); {@code /events} sends an event every 200 ms and, when the drain begins, a last
 * {@code event: bye} and the end of the body [JGI-LIFE-10]; {@code /slow?MS} answers after MS
 * milliseconds; any other path reads the request body and answers {@code read N}.
 */
public final class LongLivedApp implements AsyncApplication {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().factory());

    @Override
    public void stop() {
        timer.shutdownNow();
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        return switch (request.path()) {
            case "/ws" ->
                channel.receive()
                        .thenCompose(
                                connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                        .thenCompose(accepted -> echo(channel));
            case "/events" -> new EventStream(channel).run();
            case "/slow" -> {
                long millis = Long.parseLong(request.target().query().orElse("500"));
                yield CompletableFuture.runAsync(
                                () -> {}, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, timer))
                        .thenCompose(ignored -> text(channel, "slow done"));
            }
            default -> readBody(channel, 0).thenCompose(length -> text(channel, "read " + length));
        };
    }

    private static CompletionStage<Void> echo(Channel channel) {
        return channel.receive().thenCompose(event -> switch (event) {
            case Event.WebSocketText text ->
                channel.send(new Action.WebSocketSendText(text.text())).thenCompose(sent -> echo(channel));
            case Event.WebSocketClose close -> CompletableFuture.<Void>completedFuture(null);
            default -> echo(channel);
        });
    }

    private static CompletionStage<Long> readBody(Channel channel, long read) {
        return channel.receive().thenCompose(event -> {
            if (event instanceof Event.RequestBody body) {
                long total = read + body.data().remaining();
                return body.last() ? CompletableFuture.completedFuture(total) : readBody(channel, total);
            }
            return CompletableFuture.completedFuture(read);
        });
    }

    private static CompletionStage<Void> text(Channel channel, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return channel.send(new Action.ResponseStart(
                        200,
                        Headers.of("content-type", "text/plain", "content-length", String.valueOf(bytes.length)),
                        false))
                .thenCompose(started -> channel.send(new Action.ResponseBody(ByteBuffer.wrap(bytes), false)));
    }

    /** One event stream; every send is chained on the timer's thread, so they never overlap. */
    private final class EventStream {
        private final Channel channel;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        private ScheduledFuture<?> ticking;
        private int ticks;

        EventStream(Channel channel) {
            this.channel = channel;
        }

        CompletionStage<Void> run() {
            timer.execute(() -> {
                then(new Action.ResponseStart(200, Headers.of("content-type", "text/event-stream"), false));
                ticking = timer.scheduleWithFixedDelay(
                        () -> then(event("data: tick " + ++ticks + "\n\n", true)), 0, 200, TimeUnit.MILLISECONDS);
                channel.onDrain(() -> timer.execute(this::end));
                channel.onDisconnect(() -> timer.execute(() -> {
                    ticking.cancel(false);
                    ended.complete(null);
                }));
            });
            return ended;
        }

        private void end() {
            ticking.cancel(false);
            then(event("event: bye\ndata: draining\n\n", false));
            sent = sent.whenComplete((done, failed) -> {
                if (failed == null) {
                    ended.complete(null);
                } else {
                    ended.completeExceptionally(failed);
                }
            });
        }

        private void then(Action action) {
            sent = sent.thenCompose(previous -> channel.send(action));
        }

        private static Action event(String text, boolean more) {
            return new Action.ResponseBody(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), more);
        }
    }
}
