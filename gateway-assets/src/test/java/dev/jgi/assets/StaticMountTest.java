package dev.jgi.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticMountTest {

    @TempDir
    Path dir;

    @Test
    void parsesPrefixAndDirectory() {
        StaticMount mount = StaticMount.parse("/media=" + dir);
        assertThat(mount.prefix().value()).isEqualTo("/media");
        assertThat(mount.directory()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void directoryMayContainAnEqualsSign() throws Exception {
        Path odd = java.nio.file.Files.createDirectory(dir.resolve("a=b"));
        assertThat(StaticMount.parse("/m=" + odd).directory()).isEqualTo(odd);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"media", "/media", "/=x", "media=x", "/media/=x", "/a//b=x", "/a/../b=x", "/me dia=x", "/media="
            })
    void malformedOptionsAreRejectedWithTheOptionInTheMessage(String value) {
        assertThatThrownBy(() -> StaticMount.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--static");
    }

    @Test
    void missingDirectoryIsRejected() {
        assertThatThrownBy(() -> StaticMount.parse("/media=" + dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a directory");
    }
}
