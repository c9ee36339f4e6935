package dev.jgi.validator;

import java.util.OptionalLong;

/**
 * Counts the body bytes an application produces and compares them with its content-length
 * [JGI-FRAME-5]: at once when they run past it (a server stops there), else at the end.
 * Reports at most once.
 */
final class BodyLength {

    private final String method;
    private final int status;
    private final OptionalLong declared;
    private final Reporter reporter;
    private long produced;
    private boolean reported;

    BodyLength(String method, int status, OptionalLong declared, Reporter reporter) {
        this.method = method;
        this.status = status;
        this.declared = declared;
        this.reporter = reporter;
    }

    synchronized void add(long bytes) {
        produced += bytes;
        if (!reported
                && declared.isPresent()
                && !ResponseHead.bodiless(method, status)
                && produced > declared.getAsLong()) {
            reported = true;
            reporter.report(Violation.byApplication(
                    "JGI-FRAME-5", "the body runs past its content-length " + declared.getAsLong()));
        }
    }

    synchronized void end() {
        if (!reported) {
            reported = true;
            ResponseHead.checkLength(method, status, declared, produced, reporter);
        }
    }
}
