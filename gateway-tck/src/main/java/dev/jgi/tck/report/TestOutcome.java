package dev.jgi.tck.report;

import java.util.List;

/**
 * How one test (one invocation, for a test run per variant) ended.
 *
 * @param test     class and method, for example {@code ResponseFramingTests#headResponseHasNoBody}
 * @param display  the invocation's display name, for example {@code [SYNC]}
 * @param clauses  the clause IDs the test carries
 * @param status   how it ended
 * @param message  the failure message or the reason it was skipped; empty when it passed
 * @param evidence the raw bytes exchanged, escaped, when it failed; otherwise empty
 */
public record TestOutcome(
        String test, String display, List<String> clauses, Status status, String message, String evidence) {

    public enum Status {
        PASSED,
        FAILED,
        SKIPPED
    }

    public TestOutcome {
        clauses = List.copyOf(clauses);
    }
}
