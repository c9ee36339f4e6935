package dev.jgi.tck.report;

import dev.jgi.spec.Clause;
import dev.jgi.spec.Clauses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one TCK run: the header, a verdict per clause, and every test's outcome.
 *
 * @param header  who was tested with what
 * @param clauses the verdict per clause, in spec order
 * @param tests   every test outcome, in the order they ended
 */
public record TckReport(ReportHeader header, List<ClauseVerdict> clauses, List<TestOutcome> tests) {

    /** Per thread: the launcher runs a suite on the calling thread, so parallel runs stay apart. */
    private static final ThreadLocal<TckReport> LAST = new ThreadLocal<>();

    public TckReport {
        clauses = List.copyOf(clauses);
        tests = List.copyOf(tests);
    }

    /** The report of the run that ended last on this thread, for the command line and the self-test. */
    public static Optional<TckReport> last() {
        return Optional.ofNullable(LAST.get());
    }

    static void publish(TckReport report) {
        LAST.set(report);
    }

    /** Judges each clause by the outcomes of its tests. */
    public static TckReport judge(ReportHeader header, Clauses catalog, List<TestOutcome> outcomes) {
        Map<String, List<TestOutcome>> byClause = new LinkedHashMap<>();
        for (Clause clause : catalog.all()) {
            byClause.put(clause.id(), new ArrayList<>());
        }
        for (TestOutcome outcome : outcomes) {
            for (String id : outcome.clauses()) {
                byClause.computeIfAbsent(id, k -> new ArrayList<>()).add(outcome);
            }
        }
        List<ClauseVerdict> verdicts = new ArrayList<>();
        byClause.forEach((id, tests) -> {
            if (tests.isEmpty()) {
                return;
            }
            String level = catalog.find(id).map(Clause::level).orElse("UNKNOWN");
            boolean mandatory = catalog.find(id).map(Clause::mandatory).orElse(true);
            List<String> names = tests.stream()
                    .map(t -> t.test() + " " + t.display())
                    .distinct()
                    .toList();
            Optional<TestOutcome> failed = tests.stream()
                    .filter(t -> t.status() == TestOutcome.Status.FAILED)
                    .findFirst();
            if (failed.isPresent()) {
                verdicts.add(new ClauseVerdict(
                        id,
                        level,
                        mandatory ? ClauseVerdict.Verdict.FAIL : ClauseVerdict.Verdict.WARN,
                        failed.get().message(),
                        names));
            } else if (tests.stream().anyMatch(t -> t.status() == TestOutcome.Status.PASSED)) {
                verdicts.add(new ClauseVerdict(id, level, ClauseVerdict.Verdict.PASS, "", names));
            } else {
                verdicts.add(new ClauseVerdict(
                        id,
                        level,
                        ClauseVerdict.Verdict.SKIP,
                        tests.stream()
                                .map(TestOutcome::message)
                                .distinct()
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""),
                        names));
            }
        });
        return new TckReport(header, verdicts, outcomes);
    }

    /** Whether a MUST or MUST NOT clause failed: the run is then not conforming. */
    public boolean mandatoryFailed() {
        return clauses.stream().anyMatch(c -> c.verdict() == ClauseVerdict.Verdict.FAIL);
    }

    public long count(ClauseVerdict.Verdict verdict) {
        return clauses.stream().filter(c -> c.verdict() == verdict).count();
    }
}
