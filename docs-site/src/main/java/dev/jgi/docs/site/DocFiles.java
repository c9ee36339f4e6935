package dev.jgi.docs.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The files of {@code docs/} that are not pages (benchmark data, plots, systemd units, manifests),
 * copied to the site's public files at the same path, so that a link such as
 * {@code benchmarks/results.json} or {@code deploy/jgi.socket} works in the site as it does in the
 * checkout.
 */
final class DocFiles {

    private DocFiles() {}

    static void copy(Path docs, SiteOutput out) throws IOException {
        try (Stream<Path> all = Files.walk(docs)) {
            // Build output of the spec module lives in docs/target; it is not documentation.
            for (Path file : all.filter(Files::isRegularFile)
                    .filter(file -> !docs.relativize(file).startsWith("target"))
                    .toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".md")) {
                    Path to = out.files().resolve(docs.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
