package dev.jgi.docs.site;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes what the documentation site renders besides {@code docs/}: the pages generated from the
 * build ({@code target/generated-docs}: the server reference, the conformance reports, the API
 * index) and the files the pages link to ({@code target/public}: javadoc, benchmark data and plots).
 * VitePress then renders {@code docs/} and these together (see {@code docs-site/README.md}).
 *
 * <p>Usage: {@code SitePages CHECKOUT SITE_TARGET}, where {@code SITE_TARGET} is
 * {@code docs-site/target}.
 */
public final class SitePages {

    private SitePages() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: SitePages CHECKOUT SITE_TARGET");
            System.exit(2);
        }
        Path checkout = Path.of(args[0]).toAbsolutePath().normalize();
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        SiteOutput out = SiteOutput.clean(target);
        ServerReference.write(out);
        ConformancePages.write(checkout, out);
        ApiReference.write(checkout, out);
        DocFiles.copy(checkout.resolve("docs"), out);
    }
}
