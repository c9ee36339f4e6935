package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgi settings} (the documentation's server reference) and {@code jgi serve --static} without an app. */
class JgiSettingsAndFilesIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void settingsPrintsAMarkdownRowForEverySettingWithItsDefaultAndVariable() throws Exception {
        try (JgiProcess settings = JgiProcess.run(Map.of(), "settings")) {
            assertThat(settings.exitCode()).isZero();
            String md = settings.stdout();
            assertThat(md).startsWith("# Every setting of `jgi serve`\n");
            for (Setting setting : ServerConfig.settings()) {
                String variable =
                        "JGI_" + setting.name().toUpperCase(Locale.ROOT).replace('-', '_');
                String defaultCell = setting.defaultValue().isEmpty() ? "none" : "`" + setting.defaultValue() + "`";
                assertThat(md.lines())
                        .as(setting.name())
                        .anyMatch(line -> line.startsWith("| `--" + setting.name() + "`")
                                && line.contains("| " + defaultCell + " | `" + variable + "` |"));
            }
            assertThat(md)
                    .contains(
                            "| `--config FILE` |",
                            "| `--classpath PATHS` |",
                            "| `--print-config` |",
                            "| `-h`, `--help` |");
            assertThat(md.lines().filter(line -> line.startsWith("| `--") && line.contains("| `JGI_")))
                    .as("every setting row has four cells: a | in a help text is escaped")
                    .allMatch(row -> row.split("(?<!\\\\)\\|", -1).length == 6);
        }
        try (JgiProcess extra = JgiProcess.run(Map.of(), "settings", "--bogus")) {
            assertThat(extra.exitCode()).isEqualTo(2);
            assertThat(extra.stderr()).startsWith("jgi: error: settings takes no arguments");
        }
    }

    @Test
    void staticMountsAloneServeABuiltSiteAndEverythingElseIs404(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("guide"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("guide/start.html"), "<h1>start</h1>");
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(), "serve", "--bind", "127.0.0.1:0", "--graceful-timeout", "2s", "--static", "/docs=" + site)) {
            int port = jgi.awaitPort();
            assertThat(jgi.stderr()).contains("serving static files only");
            assertThat(get(port, "/docs/")).satisfies(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("<h1>home</h1>");
            });
            assertThat(get(port, "/docs/guide/start.html").body()).isEqualTo("<h1>start</h1>");
            assertThat(get(port, "/docs").statusCode()).isEqualTo(301);
            assertThat(get(port, "/docs/missing.html").statusCode()).isEqualTo(404);
            HttpResponse<String> outside = get(port, "/elsewhere");
            assertThat(outside.statusCode()).isEqualTo(404);
            assertThat(outside.body()).isEqualTo("Not Found\n");
            jgi.terminate();
            assertThat(jgi.exitCode()).isZero();
        }
    }

    @Test
    void withoutAppOrStaticMountTheUsageErrorNamesBoth() throws Exception {
        try (JgiProcess none = JgiProcess.run(Map.of(), "serve")) {
            assertThat(none.exitCode()).isEqualTo(2);
            assertThat(none.stderr()).contains("missing APP").contains("--static URL_PREFIX=DIR");
        }
        try (JgiProcess reload = JgiProcess.run(Map.of(), "serve", "--static", "/x=.", "--reload")) {
            assertThat(reload.exitCode()).isEqualTo(2);
            assertThat(reload.stderr()).contains("--reload needs an APP");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
