package dev.jgi.tck.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.spec.Clauses;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The application suite's part of the build gate on clauses. */
class AppScenariosTest {

    private static final Clauses CATALOG = Clauses.load();

    @Test
    void everyApplicationScenarioCitesApplicationClausesOfTheSpec() {
        Set<String> wrong = new TreeSet<>();
        for (var scenario : AppScenarios.all()) {
            for (String id : scenario.clauses()) {
                if (CATALOG.find(id).filter(c -> !c.party().equals("server")).isEmpty()) {
                    wrong.add(scenario.name() + ": " + id);
                }
            }
        }
        assertThat(wrong)
                .as("application-suite clauses that are unknown or not the application's")
                .isEmpty();
    }
}
