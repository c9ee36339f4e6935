package dev.jgi.docs.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where generated pages ({@code generated-docs/}) and public files ({@code public/}) go, both
 * emptied first so that nothing of an earlier build lingers.
 *
 * @param pages  Markdown pages, by site path
 * @param files  files served as they are, by site path
 */
record SiteOutput(Path pages, Path files) {

    static SiteOutput clean(Path target) throws IOException {
        SiteOutput out = new SiteOutput(target.resolve("generated-docs"), target.resolve("public"));
        delete(out.pages());
        delete(out.files());
        Files.createDirectories(out.pages());
        Files.createDirectories(out.files());
        return out;
    }

    /** Writes a generated page at {@code sitePath}, for example {@code conformance/index.md}. */
    void page(String sitePath, String markdown) throws IOException {
        Path file = pages.resolve(sitePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    /**
     * Text for a page made from data the build produced (test names, failure messages): VitePress
     * reads Markdown as a Vue template, so markup and interpolation characters are escaped.
     */
    static String plain(String text) {
        return text.replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;");
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
