package dev.jgi.tck.report;

import dev.jgi.spec.Clauses;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Collects the outcomes of one run and, when the run ends, judges them into a {@link TckReport},
 * publishes it and writes it to the report directory if one was set.
 */
public final class OutcomeCollector {

    private final String suite;
    private final Instant started = Instant.now();
    private final List<TestOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> evidence = new ConcurrentHashMap<>();

    public OutcomeCollector(String suite) {
        this.suite = suite;
    }

    public synchronized void add(TestOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Keeps the bytes a failing test exchanged, under its unique ID, until its outcome is added. */
    public void evidence(String uniqueId, String transcript) {
        evidence.put(uniqueId, transcript);
    }

    public String takeEvidence(String uniqueId) {
        String text = evidence.remove(uniqueId);
        return text == null ? "" : text;
    }

    /**
     * Ends the run.
     *
     * @param subject the server or application under test
     * @param info    what the server declared: name, version, spec version, capabilities
     */
    public synchronized TckReport finish(String subject, Supplier<ServerFacts> info, Optional<Path> dir) {
        ServerFacts facts;
        try {
            facts = info.get();
        } catch (RuntimeException e) {
            facts = new ServerFacts("unknown (" + e.getMessage() + ")", "", "", List.of(), List.of());
        }
        ReportHeader header = new ReportHeader(
                ReportHeader.currentTckVersion(),
                suite,
                subject,
                facts.name(),
                facts.version(),
                facts.specVersion(),
                facts.capabilities(),
                facts.protocols(),
                ReportHeader.currentJvm(),
                started.toString(),
                Instant.now().toString());
        TckReport report = TckReport.judge(header, Clauses.load(), outcomes);
        TckReport.publish(report);
        if (dir.isPresent()) {
            try {
                ReportWriter.write(report, dir.get());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the TCK report to " + dir.get(), e);
            }
        }
        return report;
    }

    /** What a server declared in its ServerInfo, and the protocols the suite spoke to it. */
    public record ServerFacts(
            String name, String version, String specVersion, List<String> capabilities, List<String> protocols) {}
}
