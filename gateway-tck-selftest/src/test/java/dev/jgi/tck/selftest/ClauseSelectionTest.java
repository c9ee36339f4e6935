package dev.jgi.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.launch.TckLauncher;
import dev.jgi.tck.report.ClauseVerdict;
import dev.jgi.tck.report.TckReport;
import dev.jgi.tck.report.TestOutcome;
import dev.jgi.tck.run.TckSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --clauses} runs the tests of those clauses and no other. */
class ClauseSelectionTest {

    @Test
    void onlyTheTestsOfTheSelectedClausesRun() {
        TckReport report = TckLauncher.run(
                        TckLauncher.SERVER_SUITE,
                        Map.of(
                                TckSettings.SERVER, "reference",
                                TckSettings.PROTOCOLS, "http/1.1",
                                TckSettings.CLAUSES, "JGI-WS-9, JGI-HDR-1"),
                        Optional.empty())
                .report()
                .orElseThrow();
        assertThat(report.tests()).as("tests run").isNotEmpty();
        assertThat(report.tests())
                .allSatisfy(test -> assertThat(test.clauses()).containsAnyOf("JGI-WS-9", "JGI-HDR-1"));
        assertThat(report.tests().stream().flatMap(t -> t.clauses().stream())).contains("JGI-WS-9", "JGI-HDR-1");
        assertThat(report.tests()).allSatisfy(test -> assertThat(test.status()).isEqualTo(TestOutcome.Status.PASSED));
        assertThat(report.clauses())
                .filteredOn(c -> c.id().equals("JGI-WS-9"))
                .singleElement()
                .extracting(ClauseVerdict::verdict)
                .isEqualTo(ClauseVerdict.Verdict.PASS);
    }
}
