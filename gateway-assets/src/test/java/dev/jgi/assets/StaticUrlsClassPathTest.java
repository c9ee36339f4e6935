package dev.jgi.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app with gateway-assets and Jackson alone on its class path, in a fresh JVM, resolves hashed URLs. */
class StaticUrlsClassPathTest {

    @TempDir
    Path dir;

    @Test
    void staticUrlsNeedsNeitherUndertowNorTheServer() throws Exception {
        Path manifest = dir.resolve("staticfiles.json");
        new Manifest(UrlPrefix.DEFAULT, Map.of("css/site.css", "css/site.3f2a1b9c.css")).write(manifest);
        Path probe = Files.writeString(dir.resolve("Probe.java"), """
                public class Probe {
                    public static void main(String[] args) {
                        System.out.print(dev.jgi.assets.StaticUrls.fromEnvironment().url("css/site.css"));
                    }
                }
                """);
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry ->
                        entry.endsWith("classes") && !entry.endsWith("test-classes") || entry.contains("jackson"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).doesNotContain("undertow").doesNotContain("xnio");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        classPath,
                        "-D" + StaticUrls.MANIFEST_PROPERTY + "=" + manifest,
                        probe.toString()))
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("/static/css/site.3f2a1b9c.css");
    }
}
