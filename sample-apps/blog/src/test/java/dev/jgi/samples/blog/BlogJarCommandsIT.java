package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an operator runs it: {@code java -jar blog.jar manage COMMAND}, on the right
 * Java and the wrong one, and {@code jgi serve --root-path} behind a path-prefixed proxy.
 */
class BlogJarCommandsIT {

    private static final Path JAR = Path.of("target/blog.jar").toAbsolutePath();

    @TempDir
    Path site;

    private Command manage(String... args) {
        return Command.java(Stream.concat(Stream.of("-jar", JAR.toString(), "manage"), Stream.of(args))
                        .toArray(String[]::new))
                .in(site)
                .without(List.of("SECRET_KEY", "DATABASE_URL"));
    }

    @Test
    void migrateRunsWithoutASecretKey() throws Exception {
        ChildProcess.Result result = manage("migrate").run(Duration.ofMinutes(2));
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.stdout()).startsWith("Applied 2 migration(s) to H2 jdbc:h2:file:./blog-db");
    }

    @Test
    void unreachableDatabaseIsOneLineAndExitStatus1() throws Exception {
        ChildProcess.Result result = manage("migrate")
                .with(Map.of("DATABASE_URL", "postgres://blog@127.0.0.1:1/blog", "DB_POOL_WAIT_SECONDS", "1"))
                .run(Duration.ofMinutes(2));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stderr().strip().lines()).singleElement().asString().startsWith("error: ");
        assertThat(result.stderr()).doesNotContain("\tat ");
    }

    @Test
    void unknownCommandPrintsTheUsage() throws Exception {
        ChildProcess.Result result = manage("frobnicate").run(Duration.ofMinutes(2));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.stderr()).contains("unknown command: frobnicate").contains("manage migrate");
    }

    @Test
    void olderJavaGetsOneLineNamingTheJavaNeeded() throws Exception {
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java17), "Debian's Java 17, the machine's default java");
        ChildProcess.Result result = Command.of(java17.toString(), "-jar", JAR.toString(), "manage", "migrate")
                .in(site)
                .run(Duration.ofMinutes(2));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stderr().strip().lines())
                .singleElement()
                .asString()
                .startsWith("blog: error: Java 21 or newer is needed, this is Java 17");
    }

    @Test
    void underARootPathTheStylesheetUrlCarriesThePrefixAndLoads() throws Exception {
        Map<String, String> env = Map.of("SECRET_KEY", "root-path-secret-0123456789", "DEBUG", "true");
        try (JgiProcess server = JgiProcess.serve(JAR, site, env, "--root-path", "/blog");
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(server.uri("/blog/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher css = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\">")
                    .matcher(page.body());
            assertThat(css.find()).as(page.body()).isTrue();
            assertThat(css.group(1)).startsWith("/blog/static/css/blog");
            HttpResponse<String> stylesheet = client.send(
                    HttpRequest.newBuilder(server.uri(css.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stylesheet.statusCode()).isEqualTo(200);
            assertThat(stylesheet.headers().firstValue("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        }
    }
}
