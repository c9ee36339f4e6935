package dev.jgi.samples.hello;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/** The smallest async JGI application: it answers from events and actions, never blocking. */
public final class HelloAsync implements AsyncApplication {

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        ByteBuffer body = ByteBuffer.wrap(("Hello, async " + request.path() + "!\n").getBytes(StandardCharsets.UTF_8));
        return channel.send(
                        new Action.ResponseStart(200, Headers.of("content-type", "text/plain; charset=utf-8"), false))
                .thenCompose(started -> channel.send(new Action.ResponseBody(body, false)));
    }
}
