package dev.jgi.assets.index;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Where an index finds files: a directory, or the {@code static/} folder of an app jar. */
public sealed interface AssetSource {

    record Directory(Path path) implements AssetSource {
        public Directory {
            Objects.requireNonNull(path, "path");
        }
    }

    record JarStatic(Path jar) implements AssetSource {
        public JarStatic {
            Objects.requireNonNull(jar, "jar");
        }
    }

    /** A jar ({@code .jar} file) is read for its {@code static/} folder; anything else is a directory. */
    static AssetSource of(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".jar") && !Files.isDirectory(path)
                ? new JarStatic(path)
                : new Directory(path);
    }
}
