package dev.jgi.servlet.tck;

import dev.jgi.tck.launch.TckLauncher;
import dev.jgi.tck.report.ClauseVerdict;
import dev.jgi.tck.report.TckReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the TCK's server suite, unchanged, against the bridge in each container and publishes the
 * report at {@code docs/tck/<server>-report.md}, followed by why each failing clause fails. A MUST
 * clause that fails without an entry in {@link ContainerLimits} fails this test.
 */
class ServerSuiteTest {

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "tomcat"})
    void everyFailingMustClauseIsAKnownContainerLimit(String server) throws IOException {
        Path root = Path.of(System.getProperty("jgi.root", "..")).toAbsolutePath().normalize();
        Path dir = Path.of("target", "tck", server).toAbsolutePath();

        TckLauncher.Result result = TckLauncher.run(TckLauncher.SERVER_SUITE,
                Map.of("jgi.tck.server", server, "jgi.tck.report", dir.toString()), Optional.empty());

        TckReport report = result.report().orElseThrow(() -> new AssertionError("the TCK wrote no report"));
        Set<String> failed = new TreeSet<>();
        report.clauses().stream().filter(c -> c.verdict() == ClauseVerdict.Verdict.FAIL).forEach(c -> failed.add(c.id()));
        Map<String, String> known = ContainerLimits.of(server);
        publish(root.resolve("docs/tck/" + server + "-report.md"), Files.readString(dir.resolve("report.md")),
                failed, known);
        assertThat(known.keySet()).as("MUST clauses failing on " + server + " without a known reason; see docs/tck/"
                + server + "-report.md").containsAll(failed);
    }

    private static void publish(Path target, String report, Set<String> failed, Map<String, String> known) throws IOException {
        StringBuilder notes = new StringBuilder("\n## Why these clauses fail on this container\n\n");
        if (failed.isEmpty()) {
            notes.append("None fails.\n");
        }
        for (String clause : failed) {
            notes.append("- **").append(clause).append("**: ").append(known.getOrDefault(clause, "not yet explained")).append('\n');
        }
        Set<String> fixed = new TreeSet<>(known.keySet());
        fixed.removeAll(failed);
        if (!fixed.isEmpty()) {
            notes.append("\nListed as limits but passing in this run (the list in ContainerLimits can shrink): ")
                    .append(String.join(", ", fixed)).append('\n');
        }
        Files.createDirectories(target.getParent());
        int firstFailure = report.indexOf("\n## FAILED");
        String body = firstFailure < 0 ? report + notes : report.substring(0, firstFailure) + notes + report.substring(firstFailure);
        Files.writeString(target, body, StandardCharsets.UTF_8);
    }
}
