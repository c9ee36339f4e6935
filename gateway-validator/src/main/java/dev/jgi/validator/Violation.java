package dev.jgi.validator;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One breach of the contract, seen at run time.
 *
 * @param clause  the clause of {@code docs/spec/jgi-1.0.md} that states the rule, for example
 *                {@code JGI-RESP-4}
 * @param party   who broke it
 * @param message what happened, for a person
 */
public record Violation(String clause, Party party, String message) {

    /** The side of the contract at fault. A middleware is the server of what it wraps. */
    public enum Party {
        SERVER,
        APPLICATION
    }

    private static final Pattern CLAUSE = Pattern.compile("JGI-[A-Z0-9]+-[0-9]+");

    public Violation {
        if (!CLAUSE.matcher(clause).matches()) {
            throw new IllegalArgumentException("not a clause ID: " + clause);
        }
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(message, "message");
    }

    static Violation byServer(String clause, String message) {
        return new Violation(clause, Party.SERVER, message);
    }

    static Violation byApplication(String clause, String message) {
        return new Violation(clause, Party.APPLICATION, message);
    }

    /** Where the clause is stated: its address in the rendered specification ({@link ClauseLinks}). */
    public java.net.URI url() {
        return ClauseLinks.of(clause);
    }

    /**
     * {@code [JGI-RESP-4] application: ... (see URL)}, the form log lines and exceptions use; the URL
     * is {@link #url()}.
     */
    @Override
    public String toString() {
        return "[" + clause + "] " + party.name().toLowerCase(Locale.ROOT) + ": " + message + " (see " + url() + ")";
    }
}
