package dev.jgi.tck.selftest;

import dev.jgi.api.Action;
import dev.jgi.api.Body;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Defects the reference server once had, injected again so that the kill matrix shows the TCK
 * still catches them (issue 12, items 4 and 5).
 */
final class PastDefects {

    private PastDefects() {}

    static List<Fault> all() {
        return List.of(
                // Undertow 2.4 sent a region from the file's byte 0 while the response head was pending.
                Fault.ofApps(
                        "file-region-from-byte-0",
                        Set.of("JGI-BODYOUT-1"),
                        app -> Wrap.sync(app, (request, exchange) -> fromByteZero(app.handle(request, exchange))),
                        app -> Wrap.async(app, (request, channel) -> app.handle(request, new FromByteZero(channel)))),
                // Nothing read the connection while the app waited, so the client's leaving went unseen.
                Fault.ofApps(
                        "disconnect-told-only-after-the-response",
                        Set.of("JGI-DISC-8"),
                        app -> app,
                        app -> Wrap.async(
                                app,
                                (request, channel) -> app.handle(
                                        request,
                                        request.kind() == Request.Kind.HTTP ? new LateDisconnect(channel) : channel))));
    }

    private static Response fromByteZero(Response response) {
        if (!(response.body() instanceof Body.FileRegion region) || region.offset() == 0) {
            return response;
        }
        return response.withBody(
                new Body.FileRegion(region.path(), 0, length(region.path(), region.offset(), region.length())));
    }

    private static OptionalLong length(Path file, long offset, OptionalLong length) {
        try {
            return OptionalLong.of(length.orElse(Files.size(file) - offset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A channel that sends every file action from byte 0, keeping its length. */
    private static final class FromByteZero extends ForwardingChannel {

        FromByteZero(Channel server) {
            super(server);
        }

        @Override
        public CompletionStage<Void> send(Action action) {
            return server.send(
                    action instanceof Action.ResponseFile file && file.offset() > 0
                            ? new Action.ResponseFile(
                                    file.path(), 0, length(file.path(), file.offset(), file.length()), file.more())
                            : action);
        }
    }

    /** A channel whose receives after the body's end complete only once the app's response ended. */
    private static final class LateDisconnect extends ForwardingChannel {
        private final CompletableFuture<Void> answered = new CompletableFuture<>();
        private volatile boolean bodyEnded;

        LateDisconnect(Channel server) {
            super(server);
        }

        @Override
        public CompletionStage<Event> receive() {
            if (bodyEnded) {
                return answered.thenCompose(x -> server.receive());
            }
            return server.receive().thenApply(event -> {
                bodyEnded = !(event instanceof Event.RequestBody piece) || piece.last();
                return event;
            });
        }

        @Override
        public CompletionStage<Void> send(Action action) {
            CompletionStage<Void> sent = server.send(action);
            boolean last = (action instanceof Action.ResponseBody body && !body.more())
                    || (action instanceof Action.ResponseFile file && !file.more());
            return last ? sent.whenComplete((x, failure) -> answered.complete(null)) : sent;
        }
    }
}
