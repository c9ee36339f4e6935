package dev.jgi.assets.index;

import dev.jgi.assets.AppJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Copies the {@code static/} folder of an app jar into a private directory once, so its files can be
 * sent with zero-copy transfers like any other file. Entries whose names are not
 * {@linkplain AssetPath#isCanonical canonical} (a {@code ..}, a backslash, a dotfile) are skipped, so a
 * crafted jar cannot write outside the directory.
 */
public final class JarAssets {

    private JarAssets() {}

    /**
     * Extracts the jar's assets into {@code target}, keeping each entry's modification time.
     *
     * @return how many files were extracted
     */
    public static int extract(Path jar, Path target) throws IOException {
        int count = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(AppJar.STATIC_FOLDER)) {
                    continue;
                }
                String path = name.substring(AppJar.STATIC_FOLDER.length());
                if (!AssetPath.isCanonical(path)) {
                    continue;
                }
                Path out = target.resolve(path);
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out);
                }
                if (entry.getTime() >= 0) {
                    Files.setLastModifiedTime(out, FileTime.fromMillis(entry.getTime()));
                }
                count++;
            }
        }
        return count;
    }
}
