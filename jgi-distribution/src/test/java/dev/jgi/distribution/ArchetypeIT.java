package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import dev.jgi.testing.ScratchMaven;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgi-archetype-app} as a newcomer uses it, offline: generate a project from the archetype
 * this build made, {@code mvn verify} it (its harness test runs), serve its jar with {@code bin/jgi}
 * and get its page and its CSS, on a {@link ScratchMaven} (no network, nothing installed where
 * other builds look).
 */
class ArchetypeIT {

    @TempDir
    Path work;

    @Test
    void generatedProjectBuildsTestsAndServes() throws Exception {
        ScratchMaven maven = ScratchMaven.in(work);
        for (String module : List.of("gateway-api", "gateway-kernel", "gateway-harness", "jgi-archetype-app")) {
            maven.stageModule(module);
        }

        Path project = maven.generateApp(work);
        assertThat(project.resolve("src/main/java/com/example/myapp/App.java")).isRegularFile();
        assertThat(project.resolve("src/main/resources/static/style.css")).isRegularFile();

        String built = maven.run(project, "verify").successfulOutput();
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
}
