package dev.jgi.harness;

/** A request the harness answers itself, as a server would, without calling the application. */
final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** @param reason why, naming the clause; the body of the answer */
    Refusal(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
