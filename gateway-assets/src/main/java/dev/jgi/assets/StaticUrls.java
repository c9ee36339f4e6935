package dev.jgi.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves an asset's logical path to the URL to put in a page:
 * {@code urls.url("css/site.css")} → {@code "/static/css/site.3f2a1b9c.css"}. The same manifest drives it
 * whether the reference server or nginx serves the files, so pages need no change between the two.
 *
 * <p>How an app finds it: {@link #fromEnvironment()} (call it once, keep the result) looks, in order, at
 * <ol>
 * <li>the system property {@value #MANIFEST_PROPERTY}, then the environment variable
 *     {@value #MANIFEST_ENV}: the path of a {@code staticfiles.json}. The reference server sets the
 *     property before it loads the app, pointing at the collected manifest or at one it computed when
 *     it indexed the app jar;</li>
 * <li>the class path resource {@code static/staticfiles.json}, for a jar built from a collected tree;</li>
 * <li>otherwise no manifest: every asset resolves to its plain URL.</li>
 * </ol>
 * The system property {@value #PREFIX_PROPERTY} (or environment variable {@value #PREFIX_ENV}) overrides
 * the manifest's URL prefix, for a deployment that mounts the files elsewhere.
 *
 * <p>The system property {@value #URL_PROPERTY} (or environment variable {@value #URL_ENV}), an absolute
 * {@link BaseUrl} such as {@code https://cdn.example.com/app/}, puts every URL below it instead, for
 * files that {@code jgi collect-static --to s3://...} uploaded to a bucket or a CDN serves; it wins
 * over the prefix. Without it, URLs are site-relative, at the manifest's prefix: the reference server
 * publishes that prefix below its {@code --root-path}, where it serves the files.
 */
public final class StaticUrls {

    public static final String MANIFEST_PROPERTY = "jgi.static.manifest";
    public static final String MANIFEST_ENV = "JGI_STATIC_MANIFEST";
    public static final String PREFIX_PROPERTY = "jgi.static.prefix";
    public static final String PREFIX_ENV = "JGI_STATIC_PREFIX";
    public static final String URL_PROPERTY = "jgi.static.url";
    public static final String URL_ENV = "JGI_STATIC_URL";
    static final String MANIFEST_RESOURCE = AppJar.STATIC_FOLDER + Manifest.FILE_NAME;

    private final UrlPrefix prefix;
    private final Optional<BaseUrl> base;
    private final Map<String, String> hashed;

    private StaticUrls(UrlPrefix prefix, Optional<BaseUrl> base, Map<String, String> hashed) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.base = Objects.requireNonNull(base, "base");
        this.hashed = Map.copyOf(hashed);
    }

    /** A lookup over a manifest, at the manifest's prefix. */
    public static StaticUrls of(Manifest manifest) {
        return new StaticUrls(manifest.prefix(), Optional.empty(), manifest.paths());
    }

    /** A lookup without a manifest: every asset resolves to its plain URL below {@code prefix}. */
    public static StaticUrls plain(UrlPrefix prefix) {
        return new StaticUrls(prefix, Optional.empty(), Map.of());
    }

    /**
     * The lookup this process is configured with; see the class description for the order.
     *
     * @throws UncheckedIOException when a configured manifest cannot be read, naming the file
     * @throws IllegalArgumentException when the configured base URL or prefix is malformed
     */
    public static StaticUrls fromEnvironment() {
        Optional<BaseUrl> base = setting(URL_PROPERTY, URL_ENV).map(BaseUrl::new);
        Optional<UrlPrefix> prefix = setting(PREFIX_PROPERTY, PREFIX_ENV).map(UrlPrefix::new);
        StaticUrls found = setting(MANIFEST_PROPERTY, MANIFEST_ENV)
                .map(file -> of(readManifest(Path.of(file))))
                .or(StaticUrls::fromClassPath)
                .orElseGet(() -> plain(UrlPrefix.DEFAULT));
        StaticUrls prefixed = prefix.map(found::at).orElse(found);
        return base.map(prefixed::at).orElse(prefixed);
    }

    /**
     * Writes {@code manifest} to {@code file} and points {@value #MANIFEST_PROPERTY} at it, so that
     * {@link #fromEnvironment()} in this process finds it. The server calls this before it loads the app.
     *
     * @return the absolute path of the written file
     */
    public static Path publish(Manifest manifest, Path file) throws IOException {
        Path written = file.toAbsolutePath();
        manifest.write(written);
        System.setProperty(MANIFEST_PROPERTY, written.toString());
        return written;
    }

    /** This lookup with its URLs below another prefix (and no base URL). */
    public StaticUrls at(UrlPrefix otherPrefix) {
        return new StaticUrls(otherPrefix, Optional.empty(), hashed);
    }

    /** This lookup with its URLs below an absolute base URL, such as a CDN's. */
    public StaticUrls at(BaseUrl baseUrl) {
        return new StaticUrls(prefix, Optional.of(baseUrl), hashed);
    }

    /**
     * The URL of an asset: the hashed URL when the manifest knows the logical path, else the plain URL
     * (which the reference server serves with a short max-age, and which suits development).
     *
     * @param logicalPath the path below the asset root, such as {@code css/site.css}; a leading {@code /} is ignored
     */
    public String url(String logicalPath) {
        String path = relative(logicalPath);
        return resolve(hashed.getOrDefault(path, path));
    }

    /** The hashed URL of an asset, empty when the manifest does not know the logical path. */
    public Optional<String> hashedUrl(String logicalPath) {
        return Optional.ofNullable(hashed.get(relative(logicalPath))).map(this::resolve);
    }

    /** The site-relative prefix URLs are below when there is no {@link #base()}. */
    public UrlPrefix prefix() {
        return prefix;
    }

    /** The absolute base URL URLs are below, when one is configured. */
    public Optional<BaseUrl> base() {
        return base;
    }

    private String resolve(String relativePath) {
        return base.map(b -> b.resolve(relativePath)).orElseGet(() -> prefix.resolve(relativePath));
    }

    private static String relative(String logicalPath) {
        return logicalPath.startsWith("/") ? logicalPath.substring(1) : logicalPath;
    }

    private static Optional<String> setting(String property, String env) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(env)))
                .filter(s -> !s.isBlank());
    }

    private static Manifest readManifest(Path file) {
        try {
            return Manifest.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the static files manifest " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<StaticUrls> fromClassPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(MANIFEST_RESOURCE)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(of(Manifest.read(in, "class path resource " + MANIFEST_RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
