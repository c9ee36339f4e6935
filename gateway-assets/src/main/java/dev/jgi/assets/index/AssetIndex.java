package dev.jgi.assets.index;

import dev.jgi.assets.ContentHash;
import dev.jgi.assets.Manifest;
import dev.jgi.assets.UrlPrefix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every servable file of a list of sources, found once when the index is built: a lookup is one hash
 * map access and never touches the disk. Each file is reachable at its logical path
 * ({@code css/site.css}) and at its content-hashed name ({@code css/site.3f2a1b9c.css}); the latter is
 * computed here, so an app jar served without collect-static has the same hashed URLs.
 * When two sources hold the same path, the first source wins (as Django's finders do).
 *
 * <p>In {@linkplain IndexOptions#devMode() dev mode}, a lookup re-checks the disk: one {@code stat} for a
 * known file, reloading it when its size or time changed, and a search of the roots for a name not seen
 * before; a file that vanished is gone. Links leaving a root are refused at every lookup. The
 * {@linkplain #manifest manifest} stays as it was at start-up: new files resolve to their plain URLs.
 *
 * <p>A file kept on disk is opened again per request, below a handle on its root held open since
 * start-up and without following links, so a link swapped in later cannot lead out of the root.
 *
 * <p>Closing the index releases those handles and deletes the directories it extracted jar assets
 * into; a normal JVM exit deletes those too.
 */
public final class AssetIndex implements AutoCloseable {

    private final List<AssetRoot> roots;
    private final List<Path> extracted;
    private final Map<String, Asset> assets;
    private final Map<String, String> hashedNames;
    private final List<String> files;
    private final IndexOptions options;
    private final AssetLoader loader;

    private AssetIndex(
            List<AssetRoot> roots,
            List<Path> extracted,
            Map<String, Asset> assets,
            Map<String, String> hashedNames,
            List<String> files,
            IndexOptions options,
            AssetLoader loader) {
        this.files = List.copyOf(files);
        this.roots = List.copyOf(roots);
        this.extracted = List.copyOf(extracted);
        this.assets = options.devMode() ? new ConcurrentHashMap<>(assets) : Map.copyOf(assets);
        this.hashedNames = Map.copyOf(hashedNames);
        this.options = options;
        this.loader = loader;
    }

    /**
     * Builds the index, extracting jar assets to a private temporary directory.
     *
     * @throws NoSuchFileException when a source does not exist
     * @throws IOException when a source cannot be read
     */
    public static AssetIndex build(List<? extends AssetSource> sources, IndexOptions options) throws IOException {
        List<AssetRoot> roots = new ArrayList<>();
        List<Path> extracted = new ArrayList<>();
        try {
            for (AssetSource source : sources) {
                switch (source) {
                    case AssetSource.Directory d ->
                        roots.add(AssetRoot.hold(d.path().toRealPath()));
                    case AssetSource.JarStatic j -> {
                        Path dir = ExtractedDirectories.create();
                        extracted.add(dir);
                        JarAssets.extract(j.jar(), dir);
                        roots.add(AssetRoot.hold(dir.toRealPath()));
                    }
                }
            }
            AssetLoader loader = new AssetLoader(options);
            Map<String, Asset> assets = new HashMap<>();
            Map<String, String> hashedNames = new TreeMap<>();
            List<String> files = new ArrayList<>();
            for (AssetRoot root : roots) {
                for (Map.Entry<String, Path> file :
                        RootScanner.scan(root.path()).entrySet()) {
                    if (assets.containsKey(file.getKey())) {
                        continue;
                    }
                    Asset asset = loader.load(file.getKey(), file.getValue(), root);
                    assets.put(asset.path(), asset);
                    files.add(asset.path());
                    if (!asset.immutable()) {
                        String hashed = ContentHash.hashedName(asset.path(), asset.sha256());
                        assets.putIfAbsent(hashed, asset.asHashed(hashed, IndexOptions.IMMUTABLE));
                        hashedNames.put(asset.path(), hashed);
                    }
                }
            }
            return new AssetIndex(roots, extracted, assets, hashedNames, files, options, loader);
        } catch (IOException | RuntimeException e) {
            roots.forEach(AssetRoot::close);
            extracted.forEach(ExtractedDirectories::delete);
            throw e;
        }
    }

    /** Builds an index of directories. */
    public static AssetIndex ofDirectories(List<Path> directories, IndexOptions options) throws IOException {
        return build(directories.stream().map(AssetSource.Directory::new).toList(), options);
    }

    /**
     * The asset at a path below the root, such as {@code css/site.css}; empty for a path that is not
     * {@linkplain AssetPath#isCanonical canonical} or not indexed.
     */
    public Optional<Asset> find(String path) {
        if (!AssetPath.isCanonical(path)) {
            return Optional.empty();
        }
        return options.devMode() ? findOnDisk(path) : Optional.ofNullable(assets.get(path));
    }

    /** Logical path to content-hashed path of every file found at start-up, at {@code prefix}. */
    public Manifest manifest(UrlPrefix prefix) {
        return new Manifest(prefix, hashedNames);
    }

    /** The path of every file found at start-up, in source order; computed hashed names are not included. */
    public List<String> files() {
        return files;
    }

    /** How many files the index found at start-up (each is also reachable at its hashed name). */
    public int size() {
        return files.size();
    }

    public IndexOptions options() {
        return options;
    }

    @Override
    public void close() {
        roots.forEach(AssetRoot::close);
        extracted.forEach(ExtractedDirectories::delete);
    }

    private Optional<Asset> findOnDisk(String path) {
        Optional<Asset> direct = loadFresh(path);
        if (direct.isPresent()) {
            return direct;
        }
        Optional<String> tag = ContentHash.tagOf(path);
        return ContentHash.plainName(path)
                .flatMap(this::loadFresh)
                .filter(plain -> plain.sha256().startsWith(tag.orElseThrow()))
                .map(plain -> plain.asHashed(path, IndexOptions.IMMUTABLE));
    }

    /** The file at {@code path} in the first root that has it, reloaded when it changed since last seen. */
    private Optional<Asset> loadFresh(String path) {
        for (AssetRoot root : roots) {
            Path file = root.path().resolve(path);
            if (!Files.isRegularFile(file)
                    || !RootScanner.inside(root.path(), file)
                    || RootScanner.isCompressedSibling(file)) {
                continue;
            }
            Asset known = assets.get(path);
            if (known != null && known.identity().file().equals(file) && AssetLoader.unchanged(known, file)) {
                return Optional.of(known);
            }
            try {
                Asset fresh = loader.load(path, file, root);
                assets.put(path, fresh);
                return Optional.of(fresh);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        assets.remove(path);
        return Optional.empty();
    }
}
