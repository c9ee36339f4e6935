package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OciImage#unpack}: an upper layer's whiteouts delete what the layers below it hold. */
class OciImageWhiteoutsTest {

    @TempDir
    Path scratch;

    @Test
    void whiteoutDeletesAFileAndOpaqueMarkerEmptiesAFolder() throws IOException {
        Path lower = layer("lower", List.of("a/keep", "a/gone", "b/old"));
        Path upper = layer("upper", List.of("a/.wh.gone", "b/.wh..wh..opq", "b/new"));
        Path root = Files.createDirectory(scratch.resolve("root"));

        new OciImage(scratch, null, List.of(lower, upper)).unpack(root);

        assertThat(root.resolve("a/keep")).isRegularFile();
        assertThat(root.resolve("a/gone")).doesNotExist();
        assertThat(root.resolve("b/old")).doesNotExist();
        assertThat(root.resolve("b/new")).isRegularFile();
        assertThat(root.resolve("a/.wh.gone"))
                .as("a whiteout is not itself extracted")
                .doesNotExist();
        assertThat(root.resolve("b/.wh..wh..opq")).doesNotExist();
    }

    /** A gzipped layer of empty files at {@code paths}. */
    private Path layer(String name, List<String> paths) throws IOException {
        Path tree = Files.createDirectory(scratch.resolve(name));
        for (String path : paths) {
            Files.createDirectories(tree.resolve(path).getParent());
            Files.createFile(tree.resolve(path));
        }
        Path layer = scratch.resolve(name + ".tar.gz");
        Command.of("tar", "-czf", layer.toString(), "-C", tree.toString(), "a", "b")
                .run()
                .successfulOutput();
        return layer;
    }
}
