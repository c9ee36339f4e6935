package dev.jgi.kernel.response;

import java.util.Objects;

/**
 * One way a response an application produced breaks the specification.
 *
 * @param clause       the application's clause it breaks, for example {@code JGI-RESP-4}: what a
 *                     validator reports
 * @param serverClause the server's clause that says what to do about it, for example
 *                     {@code JGI-RESP-5}: answer 500 before commit, abort after it
 * @param reason       what is wrong, for a person; never the application's data
 */
public record ResponseBreach(String clause, String serverClause, String reason) {

    public ResponseBreach {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(serverClause, "serverClause");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code [JGI-RESP-5] reason (JGI-RESP-4)}: the form a server logs and throws. */
    public String message() {
        return "[" + serverClause + "] " + reason + " (" + clause + ")";
    }
}
