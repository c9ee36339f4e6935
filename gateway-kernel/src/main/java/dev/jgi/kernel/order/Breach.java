package dev.jgi.kernel.order;

import dev.jgi.api.Action;
import java.util.Objects;
import java.util.Optional;

/**
 * An application's step out of the order of its exchange.
 *
 * @param clause the application's clause it breaks, for example {@code JGI-ASYNC-3}: what a
 *               validator reports
 * @param reason what happened, for a person
 * @param duty   what the server does about it
 */
public record Breach(String clause, String reason, Duty duty) {

    public Breach {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(duty, "duty");
    }

    /**
     * The message a server fails the stage with and logs. A refusal under JGI-ASYNC-5 names the
     * clause the action breaks first, as that clause asks ({@code [JGI-ASYNC-3] a body action
     * before the ResponseStart (JGI-ASYNC-5)}); every other breach names the server's clause first
     * ({@code [JGI-CAP-5] ... (JGI-CAP-3)}).
     */
    public String message() {
        String first = duty == Duty.REFUSE ? clause : duty.clause();
        String second = duty == Duty.REFUSE ? duty.clause() : clause;
        return "[" + first + "] " + reason + (first.equals(second) ? "" : " (" + second + ")");
    }

    /** The failure of the refused action's stage [JGI-ASYNC-5] [JGI-CAP-5]. */
    public IllegalStateException exception() {
        return new IllegalStateException(message());
    }

    /** Whether the specification obliges the server to fail the action's stage. */
    public boolean mustRefuse() {
        return duty == Duty.REFUSE || duty == Duty.REFUSE_UNDECLARED || duty == Duty.REFUSE_UNKNOWN;
    }

    /** An action out of order, refused under JGI-ASYNC-5. */
    static Optional<Breach> refusal(String clause, String reason) {
        return Optional.of(new Breach(clause, reason, Duty.REFUSE));
    }

    /**
     * An action added after 1.0, or by no version, that this server does not implement [JGI-EVO-3].
     * The application breaks JGI-EVO-5 by sending it without checking for it.
     */
    static Optional<Breach> unknown(Action.Extension action) {
        return Optional.of(new Breach(
                "JGI-EVO-5",
                action.getClass().getName() + " is an action this server does not implement",
                Duty.REFUSE_UNKNOWN));
    }

    /** An action of the other kind of exchange: HTTP on a WebSocket, or the reverse [JGI-ASYNC-5]. */
    static Optional<Breach> wrongKind(Action action, String exchange) {
        return refusal("JGI-ASYNC-5", action.getClass().getSimpleName() + " on " + exchange);
    }
}
