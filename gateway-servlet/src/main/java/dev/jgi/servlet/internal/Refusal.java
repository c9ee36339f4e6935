package dev.jgi.servlet.internal;

/**
 * A request the bridge answers itself, without calling the application: the status to send and
 * why, naming the clause.
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public Refusal(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
