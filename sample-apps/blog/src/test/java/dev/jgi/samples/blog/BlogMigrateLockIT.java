package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Postgres;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two {@code jgi manage blog.jar migrate} started together on one empty PostgreSQL database, three
 * times: Flyway's lock lets one migrate while the other waits and then finds the schema current, so
 * the migrations are applied once, and neither run fails.
 */
class BlogMigrateLockIT {

    private static final Path JAR = Path.of("target/blog.jar").toAbsolutePath();
    private static final int ROUNDS = 3;

    @Test
    void twoConcurrentMigrateRunsApplyTheMigrationsOnce() throws Exception {
        try (Postgres postgres = Postgres.start()) {
            for (int round = 1; round <= ROUNDS; round++) {
                String url = postgres.createDatabase("lock" + round);
                List<ChildProcess> runs = Stream.of(1, 2)
                        .map(n -> Command.of(
                                        JgiProcess.root().resolve("bin/jgi").toString(),
                                        "manage",
                                        JAR.toString(),
                                        "migrate")
                                .with(Map.of("DATABASE_URL", url))
                                .start())
                        .toList();
                List<ChildProcess.Result> results = runs.stream()
                        .map(run -> run.awaitResult(Duration.ofMinutes(2)))
                        .toList();
                List<String> outputs = results.stream()
                        .map(r -> r.exit() + ": " + r.output().strip())
                        .sorted()
                        .toList();
                System.out.println("round " + round + ", two concurrent migrate runs: " + outputs);
                assertThat(results)
                        .allSatisfy(r -> assertThat(r.exit()).as(r.output()).isZero());
                assertThat(outputs)
                        .anySatisfy(o -> assertThat(o).contains("Applied 2 migration(s)"))
                        .anySatisfy(o -> assertThat(o).contains("Applied 0 migration(s)"));
                assertThat(appliedVersions(url)).containsExactly("1", "2");
            }
        }
    }

    /** The versions Flyway recorded as applied, one row each. */
    private static List<String> appliedVersions(String databaseUrl) throws Exception {
        String jdbc = databaseUrl.replace("postgres://postgres@", "jdbc:postgresql://") + "?user=postgres";
        try (Connection c = DriverManager.getConnection(jdbc);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }
}
