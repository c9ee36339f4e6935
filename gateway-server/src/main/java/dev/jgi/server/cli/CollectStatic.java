package dev.jgi.server.cli;

import dev.jgi.assets.collect.CollectStatic.Result;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jgi collect-static APP... --to DIR|s3://BUCKET/PREFIX [--debug]}: gathers the static files of
 * app jars and folders into one directory with content-hashed names, a manifest and precompressed
 * variants (gateway-assets), or uploads them to a bucket ({@link CollectToBucket}).
 */
final class CollectStatic {

    private static final String USAGE =
            "usage: jgi collect-static APP_JAR_OR_DIR... --to DIR|s3://BUCKET/PREFIX [--debug]";

    private CollectStatic() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> sources = new ArrayList<>();
        String to = null;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--to" -> {
                    if (i + 1 >= args.length) {
                        err.println("jgi: error: --to needs a directory or an s3:// URL; " + USAGE);
                        return Main.USAGE;
                    }
                    to = args[++i];
                }
                case "--debug" -> debug = true;
                case "-h", "--help" -> {
                    out.println(USAGE);
                    out.println(
                            "Copies every asset of the sources (an app jar's static/ folder, or a directory's files) into DIR,");
                    out.println(
                            "under its logical and its content-hashed name, with .gz/.br variants and DIR/staticfiles.json.");
                    out.println(
                            "With s3://BUCKET/PREFIX, uploads the files whose content is not there yet, the manifest last;");
                    out.println(
                            "credentials and endpoint from AWS_* variables (see docs/static-assets.md). --debug prints stack traces.");
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        err.println("jgi: error: unknown option '" + args[i] + "'; " + USAGE);
                        return Main.USAGE;
                    }
                    sources.add(Path.of(args[i]));
                }
            }
        }
        if (to == null || sources.isEmpty()) {
            err.println("jgi: error: " + USAGE);
            return Main.USAGE;
        }
        if (to.startsWith("s3://")) {
            return CollectToBucket.run(sources, to, out, err, debug);
        }
        try {
            Result result = dev.jgi.assets.collect.CollectStatic.run(sources, Path.of(to));
            out.println("collected " + result.assets() + " assets into " + result.root() + " (" + result.files()
                    + " files, "
                    + result.gzipped() + " gzip and " + result.brotli() + " brotli variants"
                    + (result.brotliAvailable() ? "" : "; brotli is not available on this platform") + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("jgi: error: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException e) {
            err.println("jgi: error: collect-static failed: " + e.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        }
    }
}
