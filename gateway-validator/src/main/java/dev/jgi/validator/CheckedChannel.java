package dev.jgi.validator;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The server's {@link Channel} as an async application sees it through the validator: one
 * pending receive [JGI-STREAM-4] and send [JGI-STREAM-3] at a time, actions in order, events in
 * order, nothing after the application's stage completed. Stages the server completes reach the
 * application with the same outcome, failures unwrapped as they came.
 */
final class CheckedChannel implements Channel {

    private final Channel channel;
    private final Reporter reporter;
    private final EventOrder events;
    private final ActionCheck actions;
    private final HookCheck hooks;
    private final SignalCheck signals;
    private final AtomicInteger receiving = new AtomicInteger();
    private final AtomicInteger sending = new AtomicInteger();
    private volatile boolean ended;

    CheckedChannel(Channel channel, Request request, Optional<ServerInfo> info, Reporter reporter) {
        this.channel = channel;
        this.reporter = reporter;
        boolean websocket = request.kind() == Request.Kind.WEBSOCKET;
        this.events = new EventOrder(websocket, reporter);
        this.actions = new ActionCheck(request, info, reporter);
        this.hooks = new HookCheck(reporter);
        channel.onComplete(hooks.first());
        this.signals = new SignalCheck(reporter);
        channel.onComplete(signals.completion());
    }

    @Override
    public CompletionStage<Event> receive() {
        try {
            afterEnd("receive");
            if (receiving.incrementAndGet() > 1) {
                reporter.report(Violation.byApplication("JGI-STREAM-4", "a receive while another was pending"));
            }
        } catch (ViolationException refused) {
            receiving.decrementAndGet();
            return CompletableFuture.failedFuture(refused);
        }
        CompletionStage<Event> stage = channel.receive();
        if (stage == null) {
            receiving.decrementAndGet();
            reporter.report(Violation.byServer("JGI-ASYNC-1", "receive returned null"));
            return CompletableFuture.failedFuture(new IllegalStateException("[JGI-ASYNC-1] receive returned null"));
        }
        CompletableFuture<Event> checked = new CompletableFuture<>();
        stage.whenComplete((event, failure) -> {
            receiving.decrementAndGet();
            if (failure != null) {
                checked.completeExceptionally(failure);
                return;
            }
            try {
                events.check(event);
            } catch (ViolationException violation) {
                checked.completeExceptionally(violation);
                return;
            }
            checked.complete(event);
        });
        return checked;
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        Objects.requireNonNull(action, "action");
        Optional<String> serverMustRefuse;
        try {
            afterEnd("send");
            if (sending.incrementAndGet() > 1) {
                reporter.report(Violation.byApplication("JGI-STREAM-3", "a send while another was pending"));
            }
            serverMustRefuse = actions.check(action);
        } catch (ViolationException refused) {
            sending.decrementAndGet();
            return CompletableFuture.failedFuture(refused);
        }
        CompletionStage<Void> stage = channel.send(action);
        if (stage == null) {
            sending.decrementAndGet();
            reporter.report(Violation.byServer("JGI-STREAM-2", "send returned null"));
            return CompletableFuture.failedFuture(new IllegalStateException("[JGI-STREAM-2] send returned null"));
        }
        CompletableFuture<Void> checked = new CompletableFuture<>();
        stage.whenComplete((ignored, failure) -> {
            sending.decrementAndGet();
            if (failure != null) {
                checked.completeExceptionally(failure);
                return;
            }
            try {
                serverMustRefuse.ifPresent(clause -> reporter.report(Violation.byServer(
                        clause,
                        "the server accepted " + action.getClass().getSimpleName()
                                + " out of order instead of failing it")));
            } catch (ViolationException violation) {
                checked.completeExceptionally(violation);
                return;
            }
            checked.complete(null);
        });
        return checked;
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        channel.onComplete(hooks.wrap(Objects.requireNonNull(hook, "hook")));
    }

    @Override
    public void limitBody(long maxBytes) {
        channel.limitBody(maxBytes);
    }

    /** Handed through, as a middleware must [JGI-BODY-14] [JGI-ROLE-2]. */
    @Override
    public dev.jgi.api.Headers requestTrailers() {
        return channel.requestTrailers();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        channel.onDisconnect(signals.disconnect(callback));
    }

    @Override
    public void onDrain(Runnable callback) {
        channel.onDrain(signals.drain(callback));
    }

    /**
     * The application's stage completed; {@code failure} is its failure, if any. An application
     * told that the client is gone may end without finishing its response.
     */
    void ended(Throwable failure) {
        ended = true;
        if (failure == null && !events.clientGone()) {
            actions.atEnd();
        }
    }

    private void afterEnd(String what) {
        if (ended) {
            reporter.report(Violation.byApplication("JGI-ASYNC-9", what + " after the handle stage completed"));
        }
    }
}
