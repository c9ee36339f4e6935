package dev.jgi.kernel.body;

import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.Event;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The body events of an async exchange under a limit that only goes down [JGI-LIM-9]. A server
 * passes each {@code receive} through {@link #receive} and implements {@code Channel.limitBody}
 * with {@link #lower}.
 */
public final class LimitedEvents {

    private final BodyBudget budget;
    private volatile boolean bodyEnded;

    /** @param announced the body's length when known before reading ({@code Request.bodyLength()}) */
    public LimitedEvents(OptionalLong announced) {
        this.budget = new BodyBudget(announced);
    }

    /** Lowers the limit to {@code maxBytes}; a higher value changes nothing. */
    public void lower(long maxBytes) {
        budget.lower(maxBytes);
    }

    /**
     * The next event from {@code next}, or a {@link BodyTooLargeException} instead of a body piece
     * that crosses the limit. With a body announced over the limit, fails without calling
     * {@code next}, so that nothing is read and no {@code 100 Continue} is sent [JGI-BODY-4].
     */
    public CompletionStage<Event> receive(Supplier<CompletionStage<Event>> next) {
        if (!bodyEnded) {
            Optional<BodyTooLargeException> early = budget.beforeRead();
            if (early.isPresent()) {
                return CompletableFuture.failedFuture(early.get());
            }
        }
        return next.get().thenApply(this::counted);
    }

    private synchronized Event counted(Event event) {
        if (event instanceof Event.RequestBody piece) {
            Optional<BodyTooLargeException> over = budget.take(piece.data().remaining());
            if (over.isPresent()) {
                throw new CompletionException(over.get());
            }
            bodyEnded = piece.last();
        }
        return event;
    }
}
