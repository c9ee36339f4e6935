package dev.jgi.assets.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.Fixtures;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
        ChildProcess.Result run = Command.java(
                        "-cp",
                        System.getProperty("java.class.path").replace(File.pathSeparator + "test-classes", ""),
                        probe.toString(),
                        jar.toString())
                .run();
        assertThat(run.exit()).as(run.stderr()).isZero();
        String extracted = run.stdout();
        assertThat(extracted).contains("jgi-assets-");
        assertThat(Path.of(extracted)).doesNotExist();
    }
}
