package dev.jgi.assets.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.Fixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedDirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void extractedJarAssetsAreDeletedAtExitEvenWhenTheIndexWasNeverClosed() throws Exception {
        Path jar = Fixtures.jar(
                dir.resolve("app.jar"), Map.of(), Map.of("static/a.css", "a{}".getBytes(StandardCharsets.UTF_8)));
        Path probe = Files.writeString(dir.resolve("Probe.java"), """
                import dev.jgi.assets.index.*;
                public class Probe {
                    public static void main(String[] args) throws Exception {
                        AssetIndex index = AssetIndex.build(java.util.List.of(new AssetSource.JarStatic(java.nio.file.Path.of(args[0]))),
                                IndexOptions.defaults());
                        System.out.print(index.find("a.css").orElseThrow().identity().file().getParent());
                    }
                }
                """);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path").replace(File.pathSeparator + "test-classes", ""),
                        probe.toString(),
                        jar.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String extracted = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(extracted).contains("jgi-assets-");
        assertThat(Path.of(extracted)).doesNotExist();
    }
}
