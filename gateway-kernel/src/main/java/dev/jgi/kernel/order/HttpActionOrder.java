package dev.jgi.kernel.order;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The order of the actions of an async HTTP exchange.
 *
 * <p><b>Rules</b>, each an application's clause that the server enforces by refusing the action
 * [JGI-ASYNC-5]:
 * <ul>
 *   <li>[JGI-ASYNC-3] One {@code ResponseStart}, before any {@code ResponseBody} or
 *       {@code ResponseFile}.</li>
 *   <li>[JGI-ASYNC-4] The body ends with the first body action whose {@code more} is false; no
 *       body action follows it.</li>
 *   <li>[JGI-EXT-6] {@code ResponseTrailers} once, after the last body action, exactly when the
 *       {@code ResponseStart} announced trailers.</li>
 *   <li>[JGI-EXT-5] {@code EarlyHints} only before the {@code ResponseStart}; a late one is never
 *       sent [JGI-EXT-3].</li>
 *   <li>[JGI-CAP-3] {@code EarlyHints}, announced trailers and {@code ResponseTrailers} need
 *       {@code EARLY_HINTS} and {@code TRAILERS}; without the capability the server refuses them
 *       [JGI-CAP-5]. The capability is checked before the order.</li>
 *   <li>[JGI-BODYOUT-7] {@code ResponseFile} is a body action like {@code ResponseBody}, whether or
 *       not the server declared {@code FILE_SENDING}.</li>
 *   <li>WebSocket actions are out of order on an HTTP exchange [JGI-ASYNC-5].</li>
 * </ul>
 */
public final class HttpActionOrder implements ActionOrder {

    private enum State {
        NEW,
        STARTED,
        AWAITING_TRAILERS,
        ENDED
    }

    private final Set<Capability> declared;
    private State state = State.NEW;
    private boolean trailers;

    /** @param declared the capabilities the server declared [JGI-CAP-1] */
    public HttpActionOrder(Set<Capability> declared) {
        this.declared = declared.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(declared);
    }

    @Override
    public synchronized Optional<Breach> check(Action action) {
        Optional<Breach> breach = breach(action);
        if (breach.isEmpty()) {
            step(action);
        }
        return breach;
    }

    @Override
    public synchronized Optional<Breach> breach(Action action) {
        return switch (action) {
            case Action.EarlyHints hints -> {
                if (!declared.contains(Capability.EARLY_HINTS)) {
                    yield undeclared("EarlyHints needs the EARLY_HINTS capability");
                }
                yield state == State.NEW
                        ? Optional.empty()
                        : Optional.of(new Breach("JGI-EXT-5", "EarlyHints after the ResponseStart", Duty.NOT_SENT));
            }
            case Action.ResponseStart start -> startBreach(start);
            case Action.ResponseBody piece -> bodyBreach();
            case Action.ResponseFile file -> bodyBreach();
            case Action.ResponseTrailers sent -> trailersBreach();
            case Action.WebSocketAccept ws -> Breach.wrongKind(action, "an HTTP exchange");
            case Action.WebSocketDeny ws -> Breach.wrongKind(action, "an HTTP exchange");
            case Action.WebSocketSendText ws -> Breach.wrongKind(action, "an HTTP exchange");
            case Action.WebSocketSendBinary ws -> Breach.wrongKind(action, "an HTTP exchange");
            case Action.WebSocketClose ws -> Breach.wrongKind(action, "an HTTP exchange");
            case Action.Extension unknown -> Breach.unknown(unknown);
        };
    }

    /** Moves the exchange on by an action in order. */
    private void step(Action action) {
        switch (action) {
            case Action.ResponseStart start -> {
                trailers = start.trailers();
                state = State.STARTED;
            }
            case Action.ResponseBody piece -> endBodyUnless(piece.more());
            case Action.ResponseFile file -> endBodyUnless(file.more());
            case Action.ResponseTrailers sent -> state = State.ENDED;
            default -> {}
        }
    }

    private void endBodyUnless(boolean more) {
        if (!more) {
            state = trailers ? State.AWAITING_TRAILERS : State.ENDED;
        }
    }

    private Optional<Breach> startBreach(Action.ResponseStart start) {
        if (state != State.NEW) {
            return Breach.refusal(
                    "JGI-ASYNC-3",
                    state == State.ENDED ? "a ResponseStart after the response ended" : "a second ResponseStart");
        }
        if (start.trailers() && !declared.contains(Capability.TRAILERS)) {
            return undeclared("a ResponseStart that announces trailers needs the TRAILERS capability");
        }
        return Optional.empty();
    }

    private Optional<Breach> bodyBreach() {
        return switch (state) {
            case NEW -> Breach.refusal("JGI-ASYNC-3", "a body action before the ResponseStart");
            case AWAITING_TRAILERS, ENDED -> Breach.refusal("JGI-ASYNC-4", "a body action after the last one");
            case STARTED -> Optional.empty();
        };
    }

    private Optional<Breach> trailersBreach() {
        if (!declared.contains(Capability.TRAILERS)) {
            return undeclared("ResponseTrailers needs the TRAILERS capability");
        }
        if (state != State.AWAITING_TRAILERS) {
            return Breach.refusal(
                    "JGI-EXT-6",
                    !trailers
                            ? "ResponseTrailers the ResponseStart did not announce"
                            : state == State.ENDED
                                    ? "ResponseTrailers after the response ended"
                                    : "ResponseTrailers before the last body action");
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean ended() {
        return state == State.ENDED;
    }

    @Override
    public synchronized Optional<Breach> unfinished() {
        return switch (state) {
            case ENDED -> Optional.empty();
            case AWAITING_TRAILERS ->
                Optional.of(new Breach(
                        "JGI-EXT-6", "the handle stage completed without the announced trailers", Duty.FAIL));
            case NEW, STARTED ->
                Optional.of(
                        new Breach("JGI-ASYNC-8", "the handle stage completed before the response ended", Duty.FAIL));
        };
    }

    @Override
    public synchronized void abandon() {
        state = State.ENDED;
    }

    private static Optional<Breach> undeclared(String reason) {
        return Optional.of(
                new Breach("JGI-CAP-3", reason + ", which the server does not declare", Duty.REFUSE_UNDECLARED));
    }
}
