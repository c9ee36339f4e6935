package dev.jgi.harness;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.kernel.body.LimitedEvents;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The harness's side of an async exchange: actions pass the server's order, then go to
 * {@code delivered}, whose stage is the send stage the application sees.
 */
final class TestChannel implements Channel {

    private final Supplier<CompletionStage<Event>> events;
    private final ActionRules rules;
    private final Hooks hooks;
    private final ClientState client;
    private final Function<Action, CompletionStage<Void>> delivered;
    private final boolean acceptsOutOfOrder;
    private final LimitedEvents limited;

    TestChannel(
            Supplier<CompletionStage<Event>> events,
            ActionRules rules,
            Hooks hooks,
            ClientState client,
            Function<Action, CompletionStage<Void>> delivered,
            boolean acceptsOutOfOrder,
            OptionalLong announced) {
        this.events = events;
        this.rules = rules;
        this.hooks = hooks;
        this.client = client;
        this.delivered = delivered;
        this.acceptsOutOfOrder = acceptsOutOfOrder;
        this.limited = new LimitedEvents(announced);
    }

    /** [JGI-LIM-9] */
    @Override
    public CompletionStage<Event> receive() {
        return limited.receive(events);
    }

    @Override
    public void limitBody(long maxBytes) {
        limited.lower(maxBytes);
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        Objects.requireNonNull(action, "action");
        if (client.gone()) {
            return CompletableFuture.failedFuture(new ClientDisconnectedException("[JGI-DISC-4] the client went away"));
        }
        Optional<String> refusal;
        try {
            refusal = rules.apply(action);
        } catch (IOException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        if (refusal.isPresent() && !acceptsOutOfOrder) {
            return CompletableFuture.failedFuture(new IllegalStateException(refusal.get()));
        }
        return refusal.isEmpty() ? delivered.apply(action) : CompletableFuture.completedFuture(null);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        hooks.add(hook);
    }

    /** [JGI-DISC-6] */
    @Override
    public void onDisconnect(Runnable callback) {
        client.onDisconnect(callback);
    }

    /** [JGI-LIFE-9] */
    @Override
    public void onDrain(Runnable callback) {
        client.onDrain(callback);
    }
}
