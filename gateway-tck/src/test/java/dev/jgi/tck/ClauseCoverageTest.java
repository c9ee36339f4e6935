package dev.jgi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.spec.Clauses;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/** The build gate: every cited clause exists, and every testable server MUST clause has a test. */
class ClauseCoverageTest {

    private static final Clauses CATALOG = Clauses.load();

    @Test
    void everyCitedClauseExistsInTheSpec() {
        Set<String> unknown = cited().keySet().stream()
                .filter(id -> !CATALOG.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unknown)
                .as("clause IDs cited by TCK tests but absent from docs/spec/jgi-1.0.md")
                .isEmpty();
    }

    @Test
    void everyTestableServerMustClauseHasATestOrALedgerEntry() throws IOException {
        Set<String> ledger = ledger();
        Set<String> missing = new TreeSet<>();
        for (dev.jgi.spec.Clause clause : CATALOG.all()) {
            boolean required =
                    clause.mandatory() && clause.testable() && clause.party().equals("server");
            if (required && !cited().containsKey(clause.id()) && !ledger.contains(clause.id())) {
                missing.add(clause.id());
            }
        }
        assertThat(missing).as("testable server MUST clauses without a test").isEmpty();
        Set<String> stale = ledger.stream().filter(cited()::containsKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(stale)
                .as("clauses in uncovered-clauses.txt that now have tests")
                .isEmpty();
    }

    @Test
    void everyServerTestCitesAClause() {
        Set<String> bare = new TreeSet<>();
        for (Class<?> type : suite()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(ServerTest.class)
                        && method.getAnnotationsByType(Clause.class).length == 0) {
                    bare.add(type.getSimpleName() + "#" + method.getName());
                }
            }
        }
        assertThat(bare).as("server tests without @Clause").isEmpty();
    }

    private static Map<String, Set<String>> cited() {
        Map<String, Set<String>> byClause = new TreeMap<>();
        for (Class<?> type : suite()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Clause clause : method.getAnnotationsByType(Clause.class)) {
                    byClause.computeIfAbsent(clause.value(), k -> new TreeSet<>())
                            .add(type.getSimpleName() + "#" + method.getName());
                }
            }
        }
        return byClause;
    }

    private static java.util.List<Class<?>> suite() {
        return ReflectionSupport.findAllClassesInPackage("dev.jgi.tck.server", c -> true, n -> true);
    }

    private static Set<String> ledger() throws IOException {
        try (InputStream in = ClauseCoverageTest.class.getResourceAsStream("uncovered-clauses.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split(" ", 2)[0])
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
