package dev.jgi.kernel.order;

/** What a server does about a {@link Breach}, with the clause that obliges it. */
public enum Duty {

    /**
     * Fails the action's stage with {@link IllegalStateException} naming the clause the action
     * breaks, and sends nothing [JGI-ASYNC-5].
     */
    REFUSE("JGI-ASYNC-5"),

    /**
     * The action needs a capability the server did not declare: fails its stage with
     * {@link IllegalStateException} and sends nothing [JGI-CAP-5].
     */
    REFUSE_UNDECLARED("JGI-CAP-5"),

    /**
     * The action is an {@link dev.jgi.api.Action.Extension} this server does not implement: fails
     * its stage with {@link IllegalStateException} and sends nothing [JGI-EVO-3].
     */
    REFUSE_UNKNOWN("JGI-EVO-3"),

    /**
     * Never sends the action [JGI-EXT-3]; failing its stage, as the kernel's implementers do, is
     * the server's choice rather than an obligation.
     */
    NOT_SENT("JGI-EXT-3"),

    /**
     * Ends the exchange as a failure: 500 if nothing was committed, an abort otherwise
     * [JGI-ERR-6].
     */
    FAIL("JGI-ERR-6");

    private final String clause;

    Duty(String clause) {
        this.clause = clause;
    }

    /** The server's clause, for example {@code JGI-ASYNC-5}. */
    public String clause() {
        return clause;
    }
}
