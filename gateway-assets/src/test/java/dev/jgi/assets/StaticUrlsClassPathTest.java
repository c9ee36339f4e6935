package dev.jgi.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.Command;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
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
                        (entry.endsWith("classes") && !entry.endsWith("test-classes")) || entry.contains("jackson"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).doesNotContain("undertow").doesNotContain("xnio");
        String out = Command.java(
                        "-cp", classPath, "-D" + StaticUrls.MANIFEST_PROPERTY + "=" + manifest, probe.toString())
                .run()
                .successfulOutput();
        assertThat(out).isEqualTo("/static/css/site.3f2a1b9c.css");
    }
}
