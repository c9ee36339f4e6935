package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Postgres;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docs/deploy/paas/Procfile} run as a platform runs it: each line through a shell, in the
 * app's folder (the release unpacked as {@code jgi/}, the blog as {@code app.jar}), with an
 * environment of nothing but {@code PATH}, {@code PORT}, {@code DATABASE_URL} and {@code SECRET_KEY}.
 */
class ProcfileIT {

    @TempDir
    Path app;

    @Test
    void releaseMigratesAndWebServesTheBlogFromTheEnvironmentAlone() throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(JgiProcess.root().resolve("docs/deploy/paas/Procfile"))) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                lines.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        assertThat(lines).containsOnlyKeys("release", "web");

        UnpackedRelease release = UnpackedRelease.shared(UnpackedRelease.name() + "-linux-x64.tar.gz");
        Files.createSymbolicLink(app.resolve("jgi"), release.home());
        Files.copy(UnpackedRelease.app("blog"), app.resolve("app.jar"));

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Postgres postgres = Postgres.start()) {
            Map<String, String> platform = Map.of(
                    "PATH",
                    "/usr/bin:/bin",
                    "PORT",
                    Integer.toString(port),
                    "DATABASE_URL",
                    postgres.createDatabase("procfile"),
                    "SECRET_KEY",
                    "procfile-secret-0123456789abcdef");
            String migrated = onPlatform(lines.get("release"), platform)
                    .run(Duration.ofMinutes(2))
                    .successfulOutput();
            assertThat(migrated).contains("Applied 2 migration(s) to PostgreSQL");
            try (ChildProcess web = onPlatform(lines.get("web"), platform).start();
                    HttpClient client = HttpClient.newHttpClient()) {
                // Every address (0.0.0.0, which Java names [0:0:0:0:0:0:0:0]) at PORT.
                web.awaitOutput(Pattern.compile("listening on http://\\S+:" + port + "\\s"), Duration.ofSeconds(90));
                HttpResponse<String> page = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("No posts yet");
                // The access log on standard output, where the platform collects it.
                web.awaitOutput(Pattern.compile("\"GET / HTTP/1.1\" 200"), Duration.ofSeconds(30));
                assertThat(web.stdout()).contains("\"GET / HTTP/1.1\" 200");
            }
        }
    }

    /** A Procfile command under {@code sh -c} in the app's folder, with exactly {@code variables}. */
    private Command onPlatform(String command, Map<String, String> variables) {
        return Command.of("/bin/sh", "-c", command)
                .in(app)
                .without(System.getenv().keySet())
                .with(variables);
    }
}
