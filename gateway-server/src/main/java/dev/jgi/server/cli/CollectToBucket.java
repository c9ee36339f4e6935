package dev.jgi.server.cli;

import dev.jgi.assets.ContentHash;
import dev.jgi.assets.Manifest;
import dev.jgi.assets.collect.CollectStatic;
import dev.jgi.assets.index.MediaTypes;
import dev.jgi.media.StorageUrl;
import dev.jgi.s3.BucketLocation;
import dev.jgi.s3.S3Clients;
import dev.jgi.s3.TreeUpload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code jgi collect-static APP... --to s3://BUCKET/PREFIX}: collects into a temporary directory as for
 * a local target, then uploads with {@link TreeUpload} the content-hashed files, with
 * {@code Cache-Control: public, max-age=31536000, immutable}, and {@code staticfiles.json} last, with
 * {@code no-cache}, so that an interrupted run leaves the old manifest pointing at objects that exist.
 * Pages link to the hashed names only ({@code StaticUrls}), so the logical names and the
 * {@code .gz}/{@code .br} variants (a bucket cannot negotiate encodings; a CDN compresses) stay local.
 * The only class of the CLI that touches the AWS SDK.
 */
final class CollectToBucket {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String MANIFEST = "no-cache";

    private CollectToBucket() {}

    static int run(List<Path> sources, String target, PrintStream out, PrintStream err, boolean debug) {
        BucketLocation location;
        try {
            location = BucketLocation.of(StorageUrl.parse(target), Set.of(), System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("jgi: error: --to " + target + ": " + e.getMessage());
            return Main.USAGE;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory("jgi-collect-static-");
            CollectStatic.Result collected = CollectStatic.run(sources, staging);
            List<TreeUpload.LocalObject> objects = objects(staging, collected.manifest());
            TreeUpload.Result result;
            try (S3Client s3 = S3Clients.client(location)) {
                result = TreeUpload.run(s3, location, objects);
            }
            out.println("collected " + collected.assets() + " assets into " + location + " at "
                    + location.endpointDescription() + ": uploaded "
                    + result.uploaded().size() + " of "
                    + objects.size() + " files, " + result.unchanged() + " already there");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("jgi: error: " + e.getMessage());
            return Main.USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("jgi: error: collect-static to " + location + " failed: " + oneLine(e));
            if (debug) {
                e.printStackTrace(err);
            }
            return 1;
        } finally {
            delete(staging);
        }
    }

    /** The content-hashed files (hash verified), in path order, then the manifest. */
    static List<TreeUpload.LocalObject> objects(Path root, Manifest manifest) throws IOException {
        Set<String> hashedNames = new HashSet<>(manifest.paths().values());
        List<TreeUpload.LocalObject> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                boolean hashed = hashedNames.contains(path)
                        || ContentHash.tagOf(path)
                                .filter(tag -> sha256(file).startsWith(tag))
                                .isPresent();
                if (hashed) {
                    objects.add(new TreeUpload.LocalObject(path, file, MediaTypes.of(path), IMMUTABLE));
                }
            }
        }
        objects.add(new TreeUpload.LocalObject(
                Manifest.FILE_NAME, root.resolve(Manifest.FILE_NAME), "application/json", MANIFEST));
        return objects;
    }

    private static String sha256(Path file) {
        try {
            return ContentHash.sha256(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless; the run's own outcome is what matters.
        }
    }
}
