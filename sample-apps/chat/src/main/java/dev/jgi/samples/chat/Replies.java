package dev.jgi.samples.chat;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/** Whole responses in two actions, for the async handlers. */
final class Replies {

    private Replies() {}

    static CompletionStage<Void> send(Channel channel, int status, Headers headers, String body) {
        ByteBuffer bytes = ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
        return channel.send(new Action.ResponseStart(
                        status, headers.with("content-length", String.valueOf(bytes.remaining())), false))
                .thenCompose(started -> channel.send(new Action.ResponseBody(bytes, false)));
    }

    static CompletionStage<Void> text(Channel channel, int status, String text) {
        return send(channel, status, Headers.of("content-type", "text/plain; charset=utf-8"), text + "\n");
    }

    static CompletionStage<Void> empty(Channel channel, int status) {
        return channel.send(new Action.ResponseStart(status, Headers.of(), false))
                .thenCompose(started -> channel.send(Action.ResponseBody.end()));
    }
}
