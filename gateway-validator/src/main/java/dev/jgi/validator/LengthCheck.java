package dev.jgi.validator;

import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.ResponseBreach;
import java.util.OptionalLong;

/**
 * Counts the body bytes an application produces with the kernel's {@link BodyLength} and reports
 * a mismatch with its content-length [JGI-FRAME-5]: at once when they run past it (a server stops
 * there), else at the end; and a body given with 204 or 304, which the server drops [JGI-RESP-8].
 * Reports at most once.
 */
final class LengthCheck {

    private final BodyLength length;
    private final int status;
    private final Reporter reporter;
    private boolean ended;

    LengthCheck(String method, int status, OptionalLong declared, Reporter reporter) {
        this.length = new BodyLength(method, status, declared);
        this.status = status;
        this.reporter = reporter;
    }

    /** A body whose length is known before it is sent. */
    static void known(String method, int status, OptionalLong declared, long produced, Reporter reporter) {
        LengthCheck check = new LengthCheck(method, status, declared, reporter);
        check.add(produced);
        check.end();
    }

    synchronized void add(long bytes) {
        length.add(bytes).ifPresent(this::report);
    }

    synchronized void end() {
        if (ended) {
            return;
        }
        ended = true;
        if ((status == 204 || status == 304) && length.produced() > 0) {
            reporter.report(Violation.byApplication(
                    "JGI-RESP-8",
                    length.produced() + " body bytes given with status " + status + "; the server drops them"));
        }
        length.end().ifPresent(this::report);
    }

    private void report(ResponseBreach breach) {
        reporter.report(Violation.byApplication(breach.clause(), breach.reason()));
    }
}
