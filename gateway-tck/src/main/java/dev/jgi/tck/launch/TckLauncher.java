package dev.jgi.tck.launch;

import dev.jgi.tck.report.TckReport;
import dev.jgi.tck.run.TckSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs a TCK suite in this JVM through the JUnit Platform Launcher: what {@code bin/jgi-tck} and the
 * self-test use. The settings are the {@code jgi.tck.*} configuration parameters.
 */
public final class TckLauncher {

    /** The package of the server suite. */
    public static final String SERVER_SUITE = "dev.jgi.tck.server";

    private TckLauncher() {}

    /** What a run produced: JUnit's summary and the TCK's report. */
    public record Result(TestExecutionSummary summary, Optional<TckReport> report) {}

    /**
     * Runs every test of {@code suitePackage}, or those of the clauses {@code jgi.tck.clauses} lists.
     *
     * @param settings  {@code jgi.tck.*} parameters, for example {@code jgi.tck.server=reference}
     * @param junitXml  where to write JUnit XML, if anywhere
     */
    public static Result run(String suitePackage, Map<String, String> settings, Optional<Path> junitXml) {
        LauncherDiscoveryRequestBuilder discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(suitePackage))
                .configurationParameters(settings);
        String clauses = settings.get(TckSettings.CLAUSES);
        if (clauses != null && !clauses.isBlank()) {
            discovery.filters(ClauseFilter.parse(clauses));
        }
        LauncherDiscoveryRequest request = discovery.build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener[] listeners = junitXml.<TestExecutionListener[]>map(dir -> new TestExecutionListener[] {
                    summary,
                    new LegacyXmlReportGeneratingListener(dir, new PrintWriter(System.err, true, System.err.charset()))
                })
                .orElse(new TestExecutionListener[] {summary});
        launcher.execute(request, listeners);
        return new Result(summary.getSummary(), TckReport.last());
    }
}
