package dev.jgi.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.launch.TckLauncher;
import dev.jgi.tck.report.TckReport;
import dev.jgi.tck.report.TestOutcome;
import dev.jgi.tck.run.ServerResolver;
import dev.jgi.tck.run.TckSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Non-vacuity: every mutant fails at least one test the reference server passes, and every test it
 * newly fails carries one of the clauses its fault declares (precision). Writes the kill matrix.
 *
 * <p>The quick mode, the default, runs each mutant against the tests of the clauses it declares:
 * that decides the kill in seconds a mutant. {@code -Djgi.tck.mutants=full} runs the whole suite
 * against each, which is what checks precision against every other test (about twenty minutes on
 * two cores).
 */
class MutantKillTest {

    /** Why a testable server MUST clause has no mutant: the kill matrix prints it beside the clause. */
    private static final Map<String, String> WITHOUT_MUTANT = Map.of(
            "JGI-ROLE-1",
            "no mutant breaks it alone. A server hosting an interface through the API's adapter still hosts it "
                    + "(the TCK's `startAsync` default does so), so the only breach is refusing one interface, and "
                    + "that fails every test of the variants of that interface, whatever their clause.",
            "JGI-HDR-5",
            "no server can break it. Lookups are `Headers.first`, `all` and `contains` of gateway-api's final "
                    + "`Headers` class (`Request.header` uses them), which the server fills but does not implement.");

    /** Mutant runs go in parallel: the suite mostly waits on sockets, so two runs share the two cores. */
    private static final int PARALLEL_RUNS = 2;

    @Test
    @DisabledIfSystemProperty(
            named = "jgi.tck.mutants",
            matches = "false",
            disabledReason = "-Djgi.tck.mutants=false skips the mutant runs")
    void everyMutantIsKilledByTestsOfItsOwnClauses() throws Exception {
        boolean full = "full".equals(System.getProperty("jgi.tck.mutants"));
        // -Djgi.tck.mutants.only=a,b runs those mutants alone, to check a new one in minutes.
        Set<String> only = Set.of(System.getProperty("jgi.tck.mutants.only", "").split(","));
        List<Fault> faults = Faults.all().stream()
                .filter(fault -> only.equals(Set.of("")) || only.contains(fault.name()))
                .toList();
        if (!only.equals(Set.of(""))) {
            assertThat(faults.stream().map(Fault::name))
                    .as("the mutants -Djgi.tck.mutants.only names")
                    .containsExactlyInAnyOrderElementsOf(only);
        }
        Set<String> baseline = failing(run(
                new ReferenceServer(),
                full
                        ? Set.of()
                        : faults.stream().flatMap(f -> f.clauses().stream()).collect(Collectors.toSet())));
        Map<String, TckReport> reports = new java.util.concurrent.ConcurrentHashMap<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(PARALLEL_RUNS)) {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (Fault fault : faults) {
                runs.add(pool.submit(() ->
                        reports.put(fault.name(), run(new MutantServer(fault), full ? Set.of() : fault.clauses()))));
            }
            for (var run : runs) {
                run.get();
            }
        }
        Map<String, Set<String>> matrix = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Fault fault : faults) {
            Map<String, List<String>> newlyFailing = new TreeMap<>();
            for (TestOutcome outcome : reports.get(fault.name()).tests()) {
                String key = outcome.test() + " " + outcome.display();
                boolean artefact = fault.artefacts().containsAll(outcome.clauses());
                if (outcome.status() == TestOutcome.Status.FAILED && !baseline.contains(key) && !artefact) {
                    newlyFailing.put(key, outcome.clauses());
                }
            }
            Set<String> killedBy = newlyFailing.values().stream()
                    .flatMap(List::stream)
                    .filter(fault.clauses()::contains)
                    .collect(Collectors.toCollection(TreeSet::new));
            matrix.put(fault.name(), killedBy);
            if (killedBy.isEmpty()) {
                problems.add(fault.name()
                        + " survived: no test of its clauses failed that passes against the reference server");
            }
            newlyFailing.forEach((test, clauses) -> {
                if (clauses.stream().noneMatch(fault.clauses()::contains)) {
                    problems.add(fault.name() + " failed an unrelated test: " + test + " " + clauses);
                }
            });
        }
        assertThat(problems)
                .as("mutants that survived or failed unrelated tests")
                .isEmpty();
        if (only.equals(Set.of(""))) {
            writeMatrix(faults, matrix);
            assertThat(faults).hasSizeGreaterThanOrEqualTo(25);
        }
    }

    /** Runs the suite against {@code server}: the tests of {@code clauses}, or all when it is empty. */
    private static TckReport run(dev.jgi.tck.spi.ServerUnderTest server, Set<String> clauses) {
        ServerResolver.register(server);
        try {
            return TckLauncher.run(
                            TckLauncher.SERVER_SUITE,
                            // Mutants are HTTP/1.1 servers (wire faults sit in an HTTP/1.1 proxy), so
                            // the baseline they are compared with runs over HTTP/1.1 too.
                            Map.of(
                                    TckSettings.SERVER,
                                    server.name(),
                                    TckSettings.PROTOCOLS,
                                    "http/1.1",
                                    TckSettings.CLAUSES,
                                    String.join(",", clauses)),
                            Optional.empty())
                    .report()
                    .orElseThrow();
        } finally {
            ServerResolver.unregister(server);
        }
    }

    private static Set<String> failing(TckReport report) {
        return report.tests().stream()
                .filter(t -> t.status() == TestOutcome.Status.FAILED)
                .map(t -> t.test() + " " + t.display())
                .collect(Collectors.toSet());
    }

    private static void writeMatrix(List<Fault> faults, Map<String, Set<String>> matrix) throws Exception {
        Set<String> clauses = new TreeSet<>();
        faults.forEach(f -> clauses.addAll(f.clauses()));
        StringBuilder md = new StringBuilder("# TCK kill matrix\n\n")
                .append(
                        "Generated by `gateway-tck-selftest` (MutantKillTest). Each row is the reference server with one ")
                .append(
                        "injected fault; **K** marks a clause whose tests failed against the mutant but pass against the ")
                .append("reference server; `·` a clause the fault declares that no test caught on its own.\n\n")
                .append("| Mutant | Declared clauses | Killed by |\n|---|---|---|\n");
        for (Fault fault : faults) {
            Set<String> killed = matrix.getOrDefault(fault.name(), Set.of());
            md.append("| ")
                    .append(fault.name())
                    .append(" | ")
                    .append(fault.clauses().stream()
                            .sorted()
                            .map(c -> killed.contains(c) ? c + " **K**" : c + " ·")
                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(killed.isEmpty() ? "SURVIVED" : String.join(", ", killed))
                    .append(" |\n");
        }
        md.append("\n")
                .append(faults.size())
                .append(" mutants, ")
                .append(matrix.values().stream().filter(s -> !s.isEmpty()).count())
                .append(" killed.\n");
        Set<String> killedAny = new TreeSet<>();
        matrix.values().forEach(killedAny::addAll);
        List<String> unkilled = dev.jgi.spec.Clauses.load().all().stream()
                .filter(c -> c.mandatory() && c.testable() && c.party().equals("server"))
                .map(dev.jgi.spec.Clause::id)
                .filter(id -> !killedAny.contains(id))
                .toList();
        md.append("\nTestable server MUST clauses no mutant kills yet (")
                .append(unkilled.size())
                .append("): ")
                .append(String.join(", ", unkilled))
                .append(".\n");
        List<String> reasons = unkilled.stream()
                .filter(WITHOUT_MUTANT::containsKey)
                .map(id -> "- " + id + ": " + WITHOUT_MUTANT.get(id) + "\n")
                .toList();
        if (!reasons.isEmpty()) {
            md.append("\n").append(String.join("", reasons));
        }
        writeMatrixJson(faults, matrix, unkilled);
        Path target = Path.of("target", "tck-docs", "kill-matrix.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, md.toString());
    }

    /** One mutant's row of the kill matrix. */
    record MatrixRow(String mutant, List<String> declared, List<String> killedBy) {}

    /** The same matrix as data, {@code target/kill-matrix.json}: the documentation site renders it. */
    record KillMatrix(List<MatrixRow> mutants, List<String> unkilledServerMustClauses) {}

    private static void writeMatrixJson(List<Fault> faults, Map<String, Set<String>> matrix, List<String> unkilled)
            throws Exception {
        List<MatrixRow> rows = faults.stream()
                .map(fault -> new MatrixRow(
                        fault.name(),
                        fault.clauses().stream().sorted().toList(),
                        List.copyOf(matrix.getOrDefault(fault.name(), Set.of()))))
                .toList();
        Path json = Path.of("target", "kill-matrix.json");
        Files.createDirectories(json.getParent());
        new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValue(json.toFile(), new KillMatrix(rows, unkilled));
    }
}
