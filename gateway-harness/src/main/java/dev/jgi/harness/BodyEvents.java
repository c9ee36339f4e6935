package dev.jgi.harness;

import dev.jgi.api.Event;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The events of an HTTP exchange run whole by the harness: the body pieces, then
 * {@link Event.Disconnect} on every receive once the response ended or the client left
 * [JGI-ASYNC-2] [JGI-DISC-3] [JGI-DISC-8].
 */
final class BodyEvents implements Supplier<CompletionStage<Event>> {

    private final BodyPieces body;
    private final CompletableFuture<Event> disconnect;
    private boolean oneTooMany;

    BodyEvents(BodyPieces body, ResponseSink sink, ClientState client, boolean oneTooMany) {
        this.body = body;
        this.oneTooMany = oneTooMany;
        this.disconnect =
                CompletableFuture.anyOf(sink.ended(), client.left()).thenApply(ended -> new Event.Disconnect());
    }

    @Override
    public synchronized CompletionStage<Event> get() {
        boolean extra = oneTooMany && body.lastDelivered();
        if (extra) {
            oneTooMany = false;
        }
        Optional<Event> next = body.nextEvent(extra);
        return next.<CompletionStage<Event>>map(CompletableFuture::completedFuture)
                .orElse(disconnect);
    }
}
