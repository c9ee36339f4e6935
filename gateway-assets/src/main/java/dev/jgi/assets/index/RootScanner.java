package dev.jgi.assets.index;

import dev.jgi.assets.http.ContentCoding;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks one root once and lists the files it may serve, by relative path. Symbolic links are
 * followed only while their target stays inside the root; dotfiles and dot-directories, names that
 * are not {@linkplain AssetPath#isCanonical canonical}, and precompressed siblings of another file
 * are left out.
 */
final class RootScanner {

    private static final System.Logger LOG = System.getLogger(RootScanner.class.getName());

    private RootScanner() {}

    /** The servable files below {@code realRoot}, sorted by relative path. */
    static Map<String, Path> scan(Path realRoot) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        Files.walkFileTree(
                realRoot, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(realRoot)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (dir.getFileName().toString().startsWith(".")) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        if (!inside(realRoot, dir)) {
                            LOG.log(
                                    Level.WARNING,
                                    "not serving {0}: a symbolic link leads out of the asset root {1}",
                                    dir,
                                    realRoot);
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String path = relative(realRoot, file);
                        if (!attrs.isRegularFile() || !AssetPath.isCanonical(path)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (!inside(realRoot, file)) {
                            LOG.log(
                                    Level.WARNING,
                                    "not serving {0}: a symbolic link leads out of the asset root {1}",
                                    file,
                                    realRoot);
                            return FileVisitResult.CONTINUE;
                        }
                        if (!isCompressedSibling(file)) {
                            files.put(path, file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        LOG.log(Level.WARNING, "not serving {0}: {1}", file, e.toString());
                        return FileVisitResult.CONTINUE;
                    }
                });
        return files;
    }

    /** Whether the real location of {@code file}, after every link, lies inside {@code realRoot}. */
    static boolean inside(Path realRoot, Path file) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code file} is the {@code .gz} or {@code .br} form of a file next to it. */
    static boolean isCompressedSibling(Path file) {
        String name = file.getFileName().toString();
        for (ContentCoding coding : ContentCoding.values()) {
            if (name.endsWith(coding.suffix())
                    && name.length() > coding.suffix().length()
                    && Files.isRegularFile(file.resolveSibling(
                            name.substring(0, name.length() - coding.suffix().length())))) {
                return true;
            }
        }
        return false;
    }

    static String relative(Path root, Path file) {
        StringBuilder path = new StringBuilder();
        for (Path segment : root.relativize(file)) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(segment);
        }
        return path.toString();
    }
}
