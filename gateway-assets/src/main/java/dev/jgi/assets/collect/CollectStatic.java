package dev.jgi.assets.collect;

import dev.jgi.assets.AppJar;
import dev.jgi.assets.Manifest;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.http.ContentCoding;
import dev.jgi.assets.index.Asset;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.AssetSource;
import dev.jgi.assets.index.IndexOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code jgi collect-static APP... --to DIR}: copies every asset of the sources (app jars: their
 * {@code static/} folder; directories: their files) into {@code DIR} twice, under its logical path and
 * under its content-hashed name, adds {@code .gz} and {@code .br} variants where they pay, and writes
 * {@code DIR/staticfiles.json}. Files whose name already is their content hash are copied once, and a
 * {@code staticfiles.json} at the top of a source (an earlier run's) is not collected. When two sources hold the same path the first wins. The same safety rules
 * as the server's index apply: no dotfiles, no links leaving a source, no non-canonical names.
 * Existing files in {@code DIR} are overwritten, others are left alone.
 */
public final class CollectStatic {

    private CollectStatic() {}

    /**
     * What a run produced.
     *
     * @param root the output directory
     * @param manifest the manifest written to {@code root/staticfiles.json}
     * @param assets how many logical assets were collected
     * @param files how many files were written, variants and the manifest included
     * @param gzipped how many {@code .gz} variants were kept
     * @param brotli how many {@code .br} variants were kept
     * @param brotliAvailable whether Brotli compression could run on this platform
     */
    public record Result(
            Path root, Manifest manifest, int assets, int files, int gzipped, int brotli, boolean brotliAvailable) {}

    /**
     * Collects {@code sources} into {@code to}, at the URL prefix the app jars name (all must agree;
     * {@code /static} when none does).
     *
     * @throws IllegalArgumentException when a source does not exist or the jars name different prefixes
     * @throws IOException when reading a source or writing the output fails
     */
    public static Result run(List<Path> sources, Path to) throws IOException {
        return run(sources, to, prefixOf(sources));
    }

    /** Collects {@code sources} into {@code to}, recording {@code prefix} in the manifest. */
    public static Result run(List<Path> sources, Path to, UrlPrefix prefix) throws IOException {
        List<AssetSource> inputs = new ArrayList<>();
        for (Path source : sources) {
            if (!Files.exists(source)) {
                throw new IllegalArgumentException("collect-static: no such app jar or directory: " + source);
            }
            inputs.add(AssetSource.of(source));
        }
        Files.createDirectories(to);
        Precompressor compressor = new Precompressor();
        IndexOptions options = IndexOptions.defaults().withInlineLimit(0);
        try (AssetIndex index = AssetIndex.build(inputs, options)) {
            Manifest manifest = index.manifest(prefix);
            Writer writer = new Writer(to, compressor);
            Map<String, String> hashed = new TreeMap<>(manifest.paths());
            hashed.remove(Manifest.FILE_NAME);
            int assets = 0;
            for (String path : index.files()) {
                if (path.equals(Manifest.FILE_NAME)) {
                    continue;
                }
                Asset asset = index.find(path).orElseThrow();
                List<String> names = hashed.containsKey(path) ? List.of(path, hashed.get(path)) : List.of(path);
                writer.write(asset, names);
                assets++;
            }
            Manifest written = new Manifest(prefix, hashed);
            written.write(to.resolve(Manifest.FILE_NAME));
            return new Result(
                    to, written, assets, writer.files + 1, writer.gzipped, writer.brotli, compressor.brotliAvailable());
        }
    }

    /** The prefix the app jars among the sources agree on. */
    static UrlPrefix prefixOf(List<Path> sources) throws IOException {
        Optional<UrlPrefix> agreed = Optional.empty();
        for (Path source : sources) {
            if (AssetSource.of(source) instanceof AssetSource.JarStatic && Files.isRegularFile(source)) {
                UrlPrefix prefix = AppJar.read(source).staticPrefix();
                if (agreed.isPresent() && !agreed.get().equals(prefix)) {
                    throw new IllegalArgumentException(
                            "collect-static: the app jars name different static prefixes (" + agreed.get() + " and "
                                    + prefix + " in " + source + "); collect them into separate directories");
                }
                agreed = Optional.of(prefix);
            }
        }
        return agreed.orElse(UrlPrefix.DEFAULT);
    }

    /** Writes one asset under both names with its variants, keeping the source's modification time. */
    private static final class Writer {
        private final Path root;
        private final Precompressor compressor;
        int files;
        int gzipped;
        int brotli;

        Writer(Path root, Precompressor compressor) {
            this.root = root;
            this.compressor = compressor;
        }

        void write(Asset asset, List<String> names) throws IOException {
            Path source = asset.identity().file();
            FileTime modified = FileTime.from(asset.lastModified());
            List<byte[]> variants = new ArrayList<>();
            List<ContentCoding> codings = new ArrayList<>();
            if (Precompressor.worthTrying(asset.path(), asset.identity().size())) {
                byte[] content = Files.readAllBytes(source);
                for (ContentCoding coding : ContentCoding.values()) {
                    Optional<byte[]> compressed = compressor.compress(content, coding);
                    if (compressed.isPresent()) {
                        variants.add(compressed.get());
                        codings.add(coding);
                    }
                }
            }
            for (String name : names) {
                Path out = root.resolve(name);
                Files.createDirectories(out.getParent());
                Files.copy(source, out, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(out, modified);
                files++;
                for (int i = 0; i < variants.size(); i++) {
                    Path variant = out.resolveSibling(
                            out.getFileName() + codings.get(i).suffix());
                    Files.write(variant, variants.get(i));
                    Files.setLastModifiedTime(variant, modified);
                    files++;
                    if (codings.get(i) == ContentCoding.GZIP) {
                        gzipped++;
                    } else {
                        brotli++;
                    }
                }
            }
        }
    }
}
