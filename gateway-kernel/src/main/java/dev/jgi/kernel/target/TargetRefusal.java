package dev.jgi.kernel.target;

/**
 * A request target the server answers itself, without calling the application: the status to
 * send and the clause that says so. The message reads {@code [JGI-PATH-6] reason}; it carries no
 * stack trace, since a refusal is an answer, not a failure.
 */
public final class TargetRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String clause;

    TargetRefusal(int status, String clause, String reason) {
        super("[" + clause + "] " + reason, null, false, false);
        this.status = status;
        this.clause = clause;
    }

    /** The status the server answers with: 400 for a malformed target, 404 outside the mount. */
    public int status() {
        return status;
    }

    /** The clause that obliges the server to refuse, for example {@code JGI-PATH-8}. */
    public String clause() {
        return clause;
    }
}
