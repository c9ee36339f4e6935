package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgi-archetype-app} as a newcomer uses it, offline: generate a project from the archetype
 * this build made, {@code mvn verify} it (its harness test runs), serve its jar with {@code bin/jgi}
 * and get its page and its CSS. The build's JGI artifacts are put in a scratch local repository;
 * every other repository is mirrored to the build's own local repository, read as a {@code file:}
 * repository, which supplies the plugins and third-party libraries: no network, and nothing is
 * installed where other builds look.
 */
class ArchetypeIT {

    private static final String VERSION = System.getProperty("jgi.version");
    private static final Path ROOT = JgiProcess.root();

    @TempDir
    Path work;

    @Test
    void generatedProjectBuildsTestsAndServes() throws Exception {
        Path repository = work.resolve("repository");
        Path settings = Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror><id>the-build</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(
                        Path.of(System.getProperty("jgi.maven.repository")).toUri()));
        stage(repository, "jgi-parent", ROOT.resolve("pom.xml"), null);
        stage(repository, "jgi-bom", ROOT.resolve("jgi-bom/pom.xml"), null);
        for (String module : List.of("gateway-api", "gateway-kernel", "gateway-harness", "jgi-archetype-app")) {
            Path dir = ROOT.resolve(module);
            stage(repository, module, dir.resolve("pom.xml"), dir.resolve("target/" + module + "-" + VERSION + ".jar"));
        }

        maven(
                        work,
                        repository,
                        settings,
                        "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                        "-DarchetypeGroupId=dev.jgi",
                        "-DarchetypeArtifactId=jgi-archetype-app",
                        "-DarchetypeVersion=" + VERSION,
                        "-DgroupId=com.example",
                        "-DartifactId=my-app",
                        "-Dversion=0.1.0-SNAPSHOT",
                        "-Dpackage=com.example.myapp",
                        "-DinteractiveMode=false")
                .successfulOutput();
        Path project = work.resolve("my-app");
        assertThat(project.resolve("src/main/java/com/example/myapp/App.java")).isRegularFile();
        assertThat(project.resolve("src/main/resources/static/style.css")).isRegularFile();

        String built = maven(project, repository, settings, "verify").successfulOutput();
        assertThat(built).containsPattern("Tests run: 1, Failures: 0, Errors: 0");
        Path jar = project.resolve("target/my-app.jar");
        assertThat(jar).isRegularFile();

        try (JgiProcess server = JgiProcess.serve(jar, project, Map.of());
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page =
                    client.send(HttpRequest.newBuilder(server.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>my-app runs on JGI</h1>", "/static/style.css");
            HttpResponse<String> css = client.send(
                    HttpRequest.newBuilder(server.uri("/static/style.css")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
            assertThat(css.body()).contains("font-family");
        }
    }

    /** Lays {@code pom} (and {@code jar}) out in {@code repository} as {@code mvn install} would. */
    private static void stage(Path repository, String artifactId, Path pom, Path jar) throws IOException {
        Path dir = repository.resolve("dev/jgi").resolve(artifactId).resolve(VERSION);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"));
        if (jar != null) {
            assertThat(jar).as("the build made %s", jar).isRegularFile();
            Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"));
        }
    }

    /** The Maven that runs this build, on the scratch repository, every remote mirrored to the build's. */
    private static ChildProcess.Result maven(Path dir, Path repository, Path settings, String... goals) {
        List<String> line = new ArrayList<>(List.of(
                System.getProperty("jgi.maven"),
                "-B",
                "-ntp",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + repository));
        line.addAll(List.of(goals));
        return Command.of(line)
                .in(dir)
                .without(List.of("MAVEN_OPTS", "MAVEN_ARGS"))
                .run(Duration.ofMinutes(10));
    }
}
