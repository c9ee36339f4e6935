package dev.jgi.samples.chat;

import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Collects a request body from its events, up to a limit, without blocking. */
final class RequestBodies {

    /** The body was over the limit; answered with 413. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body too large", null, false, false);
        }
    }

    private RequestBodies() {}

    static CompletionStage<String> read(Channel channel, int maxBytes) {
        return read(channel, maxBytes, new ByteArrayOutputStream());
    }

    private static CompletionStage<String> read(Channel channel, int maxBytes, ByteArrayOutputStream collected) {
        return channel.receive().thenCompose(event -> {
            if (!(event instanceof Event.RequestBody piece)) {
                return CompletableFuture.failedFuture(new IllegalStateException("the client went away mid-body"));
            }
            ByteBuffer data = piece.data();
            if (collected.size() + data.remaining() > maxBytes) {
                return CompletableFuture.failedFuture(new TooLarge());
            }
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            collected.writeBytes(bytes);
            return piece.last()
                    ? CompletableFuture.completedFuture(collected.toString(StandardCharsets.UTF_8))
                    : read(channel, maxBytes, collected);
        });
    }
}
