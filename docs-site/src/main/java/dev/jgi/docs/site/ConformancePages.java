package dev.jgi.docs.site;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.tck.report.ClauseVerdict;
import dev.jgi.tck.report.ReportWriter;
import dev.jgi.tck.report.TckReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The conformance pages, rendered from the JSON the build's TCK runs wrote: one page per server
 * report ({@code report.json}), the kill matrix ({@code kill-matrix.json}) and an overview. A report
 * this build did not produce (its module was skipped, or {@code -Djgi.tck.mutants=false}) gets a
 * page that says so and how to produce it, never stale figures.
 */
final class ConformancePages {

    /** A server whose TCK report the build writes. */
    record Subject(String page, String title, String json, String producer) {}

    static final List<Subject> SUBJECTS = List.of(
            new Subject(
                    "reference",
                    "Reference server",
                    "gateway-tck-selftest/target/tck-report/reference/report.json",
                    "`ReferenceServerTest` in `gateway-tck-selftest`"),
            new Subject(
                    "jetty",
                    "Jetty 12 (servlet bridge)",
                    "gateway-servlet-tck/target/tck/jetty/report.json",
                    "`ServerSuiteTest` in `gateway-servlet-tck`"),
            new Subject(
                    "tomcat",
                    "Tomcat 11 (servlet bridge)",
                    "gateway-servlet-tck/target/tck/tomcat/report.json",
                    "`ServerSuiteTest` in `gateway-servlet-tck`"));

    static final String KILL_MATRIX = "gateway-tck-selftest/target/kill-matrix.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConformancePages() {}

    static void write(Path checkout, SiteOutput out) throws IOException {
        StringBuilder overview = new StringBuilder("# Conformance\n\n")
                .append("The TCK's verdicts on each server, from the reports this build's TCK runs wrote")
                .append(" (`report.json`). A server conforms to the `core` profile when every testable MUST")
                .append(" clause passes (JGI-PROF-1). How to run the TCK against your own server:")
                .append(" [Running the TCK](../tck/vendor-guide.md).\n\n")
                .append("| Server | Verdict | Clauses | Tests | Run |\n|---|---|---|---|---|\n");
        for (Subject subject : SUBJECTS) {
            Path json = checkout.resolve(subject.json());
            String link = "[" + subject.title() + "](" + subject.page() + ".md)";
            if (!Files.isRegularFile(json)) {
                out.page(
                        "conformance/" + subject.page() + ".md",
                        missing(subject.title(), subject.json(), subject.producer()));
                overview.append("| ").append(link).append(" | not run by this build | | | |\n");
                continue;
            }
            TckReport report = JSON.readValue(json.toFile(), TckReport.class);
            out.page("conformance/" + subject.page() + ".md", reportPage(subject, report));
            long passed = report.tests().stream()
                    .filter(t -> t.status() == dev.jgi.tck.report.TestOutcome.Status.PASSED)
                    .count();
            overview.append("| ")
                    .append(link)
                    .append(" | **")
                    .append(report.mandatoryFailed() ? "NOT CONFORMING" : "CONFORMING")
                    .append("** | ")
                    .append(counts(report))
                    .append(" | ")
                    .append(passed)
                    .append(" of ")
                    .append(report.tests().size())
                    .append(" passed | ")
                    .append(report.header().finished())
                    .append(" |\n");
        }
        Path matrix = checkout.resolve(KILL_MATRIX);
        overview.append("\nThe TCK is not vacuous: every mutant of the reference server (one injected fault each)")
                .append(" must fail it by a test of the clauses it breaks, and every faulty application must be")
                .append(" caught by the application suite. ");
        if (Files.isRegularFile(matrix)) {
            JsonNode data = JSON.readTree(matrix.toFile());
            out.page("conformance/kill-matrix.md", killMatrixPage(data));
            overview.append("[Kill matrix](kill-matrix.md): ")
                    .append(killed(data))
                    .append(" of ")
                    .append(data.get("mutants").size())
                    .append(" mutants killed.");
        } else {
            out.page(
                    "conformance/kill-matrix.md",
                    missing("Kill matrix", KILL_MATRIX, "`MutantKillTest` in `gateway-tck-selftest`"));
            overview.append("[Kill matrix](kill-matrix.md): not run by this build.");
        }
        overview.append(" [Faulty applications](../tck/faulty-apps.md).\n");
        out.page("conformance/index.md", overview.toString());
    }

    private static String reportPage(Subject subject, TckReport report) {
        String body = ReportWriter.markdown(report, false, id -> id);
        // ReportWriter's own title names the suite; the page is titled by the server.
        body = body.substring(body.indexOf('\n') + 1);
        return "# TCK report: " + subject.title() + "\n\nRendered from `" + subject.json() + "`, written by "
                + subject.producer() + " in this build. Each clause ID links to its clause in the specification.\n"
                + SiteOutput.plain(body);
    }

    private static String killMatrixPage(JsonNode data) {
        StringBuilder md = new StringBuilder("# TCK kill matrix\n\n")
                .append("Rendered from `")
                .append(KILL_MATRIX)
                .append("`, written by `MutantKillTest` in this build. Each row is the reference server with one")
                .append(" injected fault; **Killed by** lists the declared clauses whose tests failed against the")
                .append(" mutant and pass against the reference server.\n\n")
                .append("| Mutant | Declared clauses | Killed by |\n|---|---|---|\n");
        for (JsonNode row : data.get("mutants")) {
            List<String> killedBy = strings(row.get("killedBy"));
            md.append("| ")
                    .append(SiteOutput.plain(row.get("mutant").asText()))
                    .append(" | ")
                    .append(String.join(", ", strings(row.get("declared"))))
                    .append(" | ")
                    .append(killedBy.isEmpty() ? "**SURVIVED**" : String.join(", ", killedBy))
                    .append(" |\n");
        }
        List<String> unkilled = strings(data.get("unkilledServerMustClauses"));
        md.append("\n")
                .append(killed(data))
                .append(" of ")
                .append(data.get("mutants").size())
                .append(" mutants killed. Testable server MUST clauses no mutant kills yet (")
                .append(unkilled.size())
                .append("): ")
                .append(unkilled.isEmpty() ? "none" : String.join(", ", unkilled))
                .append(".\n");
        return md.toString();
    }

    private static long killed(JsonNode data) {
        long n = 0;
        for (JsonNode row : data.get("mutants")) {
            n += row.get("killedBy").isEmpty() ? 0 : 1;
        }
        return n;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }

    private static String counts(TckReport report) {
        List<String> parts = new ArrayList<>();
        for (ClauseVerdict.Verdict v : ClauseVerdict.Verdict.values()) {
            parts.add(v + " " + report.count(v));
        }
        return String.join(", ", parts);
    }

    private static String missing(String title, String json, String producer) {
        return "# " + title + "\n\n::: warning Not run by this build\n`" + json + "` does not exist: " + producer
                + " writes it during `mvn verify`. Run the full build, then build the site again.\n:::\n";
    }
}
