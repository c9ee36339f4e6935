package dev.jgi.assets.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The private directories jar assets were extracted into. Each is deleted when its index is closed,
 * and, for an index a server never closed, when the JVM exits normally (including on SIGTERM).
 */
final class ExtractedDirectories {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> LIVE.forEach(dir -> {
                            try {
                                deleteTree(dir);
                            } catch (UncheckedIOException ignored) {
                                // Exiting anyway: a leftover temporary directory is all that remains.
                            }
                        }),
                        "jgi-assets-cleanup"));
    }

    private ExtractedDirectories() {}

    /** A new private (owner-only) directory, deleted at exit unless {@link #delete}d before. */
    static Path create() throws IOException {
        Path dir = Files.createTempDirectory("jgi-assets-");
        LIVE.add(dir);
        return dir;
    }

    static void delete(Path dir) {
        deleteTree(dir);
        LIVE.remove(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // Already deleted.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the extracted assets in " + dir, e);
        }
    }
}
