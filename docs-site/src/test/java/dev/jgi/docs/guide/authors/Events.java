package dev.jgi.docs.guide.authors;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Server-sent events until the client leaves, sync and async; {@code stopped} runs when the feed stops. */
final class Events {

    /** The time between two events of the feed. */
    private static final long PERIOD_MILLIS = 10;

    private static final Headers STREAM = Headers.of("content-type", "text/event-stream", "cache-control", "no-cache");

    private Events() {}

    static Application sync(Runnable stopped) {
        // #region sse-sync
        Application events = (request, exchange) -> Response.of(200, STREAM, Body.writer(out -> {
            CountDownLatch left = new CountDownLatch(1);
            exchange.onDisconnect(left::countDown);
            try {
                for (int tick = 0; !leftWithin(left, PERIOD_MILLIS); tick++) {
                    out.write(("data: tick " + tick + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } finally {
                stopped.run();
            }
        }));
        // #endregion sse-sync
        return events;
    }

    // #region sse-sync-helpers
    /** Waits out the period between two events, and says whether the client left meanwhile. */
    private static boolean leftWithin(CountDownLatch left, long millis) throws IOException {
        try {
            return left.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the event feed was interrupted");
        }
    }
    // #endregion sse-sync-helpers

    static AsyncApplication async(Runnable stopped) {
        // #region sse-async
        AsyncApplication events = (request, channel) -> {
            AtomicBoolean left = new AtomicBoolean();
            watchForDisconnect(channel, left);
            return channel.send(new Action.ResponseStart(200, STREAM, false))
                    .thenCompose(started -> tick(channel, left, 0))
                    .whenComplete((done, failure) -> stopped.run())
                    .exceptionally(gone -> null);
        };
        // #endregion sse-async
        return events;
    }

    // #region sse-async-helpers
    private static void watchForDisconnect(Channel channel, AtomicBoolean left) {
        channel.receive().thenAccept(event -> {
            if (event instanceof Event.Disconnect) {
                left.set(true);
            } else {
                watchForDisconnect(channel, left);
            }
        });
    }

    private static CompletionStage<Void> tick(Channel channel, AtomicBoolean left, int tick) {
        if (left.get()) {
            return CompletableFuture.completedFuture(null);
        }
        ByteBuffer event = ByteBuffer.wrap(("data: tick " + tick + "\n\n").getBytes(StandardCharsets.UTF_8));
        return channel.send(new Action.ResponseBody(event, true)).thenCompose(sent -> tick(channel, left, tick + 1));
    }
    // #endregion sse-async-helpers
}
