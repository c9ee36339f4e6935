package dev.jgi.assets.index;

import dev.jgi.assets.ContentHash;
import dev.jgi.assets.http.ContentCoding;
import dev.jgi.assets.http.HttpDates;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Reads one file into an {@link Asset}: validators, hash, media type, siblings, bytes if small. */
final class AssetLoader {

    private final IndexOptions options;
    private final AtomicLong inlineBudget;

    AssetLoader(IndexOptions options) {
        this.options = options;
        this.inlineBudget = new AtomicLong(options.inlineBudget());
    }

    /**
     * Loads the file at {@code path} below {@code root}. Precompressed siblings are attached when
     * they are regular files that stay inside the root.
     */
    Asset load(String path, Path file, AssetRoot root) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Loaded content = read(file, attributes.size());
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String tag = content.sha256().substring(0, 16);
        Representation identity = new Representation(
                Optional.empty(), file, root, root.relativeRealPath(file), content.size(), quote(tag), content.bytes());
        List<Representation> encoded = new ArrayList<>();
        for (ContentCoding coding : ContentCoding.values()) {
            Path sibling = file.resolveSibling(file.getFileName() + coding.suffix());
            if (Files.isRegularFile(sibling) && RootScanner.inside(root.path(), sibling)) {
                Loaded variant = read(sibling, Files.size(sibling));
                encoded.add(new Representation(
                        Optional.of(coding),
                        sibling,
                        root,
                        root.relativeRealPath(sibling),
                        variant.size(),
                        quote(tag + "-" + coding.token()),
                        variant.bytes()));
            }
        }
        encoded.sort(Comparator.comparingLong(Representation::size));
        boolean immutable =
                ContentHash.tagOf(path).map(content.sha256()::startsWith).orElse(false);
        return new Asset(
                path,
                content.sha256(),
                MediaTypes.of(path),
                modified,
                HttpDates.format(modified),
                immutable,
                immutable ? IndexOptions.IMMUTABLE : options.shortCacheControl(),
                identity,
                encoded);
    }

    /** Whether a file still has the size and time it had when it was loaded into {@code asset}. */
    static boolean unchanged(Asset asset, Path file) {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class);
            return now.isRegularFile()
                    && now.size() == asset.identity().size()
                    && now.lastModifiedTime()
                            .toInstant()
                            .truncatedTo(ChronoUnit.SECONDS)
                            .equals(asset.lastModified());
        } catch (IOException e) {
            return false;
        }
    }

    private record Loaded(String sha256, long size, ByteBuffer bytes) {}

    private Loaded read(Path file, long size) throws IOException {
        if (size <= options.inlineLimit() && reserve(size)) {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer direct =
                    ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            return new Loaded(ContentHash.sha256(bytes), bytes.length, direct);
        }
        return new Loaded(ContentHash.sha256(file), size, null);
    }

    private boolean reserve(long size) {
        long left;
        do {
            left = inlineBudget.get();
            if (left < size) {
                return false;
            }
        } while (!inlineBudget.compareAndSet(left, left - size));
        return true;
    }

    private static String quote(String tag) {
        return "\"" + tag + "\"";
    }
}
