package dev.jgi.maven;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.ScratchMaven;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn jgi:run} as a developer uses it, on a project generated from {@code jgi-archetype-app}
 * with this build's plugin, on a {@link ScratchMaven}: the goal compiles and serves the app and its
 * stylesheet (an edit of which shows at once), reads the project's {@code .env}, loads the app
 * again after {@code mvn compile} in a second Maven, and on SIGTERM to Maven the server shuts down
 * gracefully and leaves no process behind.
 */
class RunGoalIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    /** Generous: Maven starts, compiles and forks the server on a machine shared by several builds. */
    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    void servesTheProjectReloadsAfterCompileAndStopsOnSigterm() throws Exception {
        ScratchMaven maven = ScratchMaven.in(work);
        for (String module : List.of(
                "gateway-api",
                "gateway-kernel",
                "gateway-assets",
                "gateway-media",
                "gateway-s3",
                "gateway-server",
                "jgi-archetype-app",
                "jgi-maven-plugin")) {
            maven.stageModule(module);
        }
        Path project = maven.generateApp(work);
        Files.writeString(project.resolve(".env"), "GREETING=hello from .env\n");

        try (ChildProcess run = maven.start(project, "jgi:run", "-Djgi.bind=127.0.0.1:0", "-Djgi.graceful-timeout=5s");
                HttpClient client = HttpClient.newHttpClient()) {
            URI base = URI.create(run.awaitOutput(LISTENING, START).group(1));
            HttpResponse<String> page = get(client, base.resolve("/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>my-app runs on JGI</h1>");
            HttpResponse<String> css = get(client, base.resolve("/static/style.css"));
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
            Files.writeString(project.resolve("src/main/resources/static/style.css"), "h1 { color: green; }\n");
            assertThat(get(client, base.resolve("/static/style.css")).body())
                    .as("dev mode: the edited source file, at the next request")
                    .isEqualTo("h1 { color: green; }\n");

            Files.writeString(project.resolve("src/main/java/com/example/myapp/App.java"), """
                    package com.example.myapp;

                    import dev.jgi.api.Application;
                    import dev.jgi.api.Exchange;
                    import dev.jgi.api.Request;
                    import dev.jgi.api.Response;

                    public final class App implements Application {
                        @Override
                        public Response handle(Request request, Exchange exchange) {
                            return Response.text(200, "greeting: " + System.getProperty("GREETING") + "\\n");
                        }
                    }
                    """);
            maven.run(project, "-q", "compile").successfulOutput();
            // The copied stylesheet may trigger a reload of the old classes first; the new ones follow.
            run.awaitOutput(Pattern.compile("reloaded com\\.example\\.myapp\\.App"), START);
            eventually(
                    Duration.ofSeconds(60),
                    () -> assertThat(get(client, base.resolve("/")).body()).isEqualTo("greeting: hello from .env\n"));

            run.terminate();
            assertThat(run.awaitExit(Duration.ofMinutes(1)))
                    .as("Maven's exit after SIGTERM (143: killed by it, its shutdown hook ran)")
                    .isEqualTo(143);
            assertThat(run.output()).contains("INFO stopped");
            assertThatThrownBy(() -> get(client, base.resolve("/")))
                    .as("nothing listens once Maven has exited")
                    .isInstanceOf(ConnectException.class);
        }
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
