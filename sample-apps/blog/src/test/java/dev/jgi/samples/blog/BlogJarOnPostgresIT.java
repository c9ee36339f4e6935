package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Postgres;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar on PostgreSQL, configured only by the environment: its JDBC driver and Flyway's
 * PostgreSQL plugin (found through merged service files) must work from inside the one jar.
 */
class BlogJarOnPostgresIT {

    private static final Path JAR = Path.of("target/blog.jar").toAbsolutePath();

    @TempDir
    Path site;

    @Test
    void jarMigratesAndServesFromPostgresql() throws Exception {
        try (Postgres postgres = Postgres.start()) {
            Map<String, String> env = Map.of(
                    "DATABASE_URL", postgres.createDatabase("blogjar"), "SECRET_KEY", "postgres-jar-secret-0123456789");
            String migrated = Command.java("-jar", JAR.toString(), "manage", "migrate")
                    .in(site)
                    .with(env)
                    .run(Duration.ofMinutes(2))
                    .successfulOutput();
            assertThat(migrated).contains("Applied 2 migration(s) to PostgreSQL at 127.0.0.1:");
            try (JgiProcess server = JgiProcess.serve(JAR, site, env);
                    HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> page = client.send(
                        HttpRequest.newBuilder(server.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("No posts yet");
                // The server's own SLF4J (the AWS SDK's) logs through its log, without the no-provider warning.
                assertThat(server.stderr()).doesNotContain("SLF4J(W)");
            }
        }
    }
}
