package dev.jgi.tck.report;

import java.util.List;

/**
 * The verdict on one clause, from the tests that carry it.
 *
 * @param id      the clause ID
 * @param level   its RFC 2119 level
 * @param verdict PASS, FAIL (a MUST failed), WARN (a SHOULD or MAY failed) or SKIP
 * @param reason  why it was skipped, or the first failure message
 * @param tests   the tests that decided it
 */
public record ClauseVerdict(String id, String level, Verdict verdict, String reason, List<String> tests) {

    public enum Verdict {
        PASS,
        FAIL,
        WARN,
        SKIP
    }

    public ClauseVerdict {
        tests = List.copyOf(tests);
    }
}
