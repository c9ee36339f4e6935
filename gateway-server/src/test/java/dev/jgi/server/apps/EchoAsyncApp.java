package dev.jgi.server.apps;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/** An async app for the jgi command tests. */
public final class EchoAsyncApp implements AsyncApplication {

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        return channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                .thenCompose(sent -> channel.send(new Action.ResponseBody(
                        ByteBuffer.wrap(("async " + request.path()).getBytes(StandardCharsets.UTF_8)), false)));
    }
}
