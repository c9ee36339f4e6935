package dev.jgi.assets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

/**
 * What an app jar's {@code META-INF/MANIFEST.MF} says about serving it:
 * <pre>
 * JGI-App: com.example.Shop                (or com.example.Shop::create, a static factory)
 * JGI-Static-Prefix: /static               (optional; default /static)
 * </pre>
 * The jar's assets live under its resource folder {@value #STATIC_FOLDER}.
 *
 * @param jar the jar file
 * @param app the {@code JGI-App} value, when present
 * @param staticPrefix the URL prefix of the jar's assets
 */
public record AppJar(Path jar, Optional<String> app, UrlPrefix staticPrefix) {

    /** The resource folder of an app jar that holds its static assets, with its trailing slash. */
    public static final String STATIC_FOLDER = "static/";

    public static final String APP_ATTRIBUTE = "JGI-App";
    public static final String STATIC_PREFIX_ATTRIBUTE = "JGI-Static-Prefix";

    private static final String IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern APP_SPEC = Pattern.compile(
            IDENTIFIER + "(?:\\." + IDENTIFIER + ")*(?:\\$" + IDENTIFIER + ")*(?:::" + IDENTIFIER + ")?");

    public AppJar {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(staticPrefix, "staticPrefix");
        app.ifPresent(spec -> {
            if (!APP_SPEC.matcher(spec).matches()) {
                throw new IllegalArgumentException(jar + ": " + APP_ATTRIBUTE
                        + " must be a class name or Class::factory, such as com.example.Shop::create: " + spec);
            }
        });
    }

    /**
     * Reads the attributes of a jar's manifest; a jar without a manifest has no app and the default prefix.
     *
     * @throws IOException when the file is not a readable jar
     * @throws IllegalArgumentException when an attribute is malformed; the message names the jar and attribute
     */
    public static AppJar read(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            Optional<String> app =
                    Optional.ofNullable(main.getValue(APP_ATTRIBUTE)).map(String::strip);
            String prefix = main.getValue(STATIC_PREFIX_ATTRIBUTE);
            UrlPrefix staticPrefix;
            try {
                staticPrefix = prefix == null ? UrlPrefix.DEFAULT : new UrlPrefix(prefix.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(jar + ": " + STATIC_PREFIX_ATTRIBUTE + ": " + e.getMessage(), e);
            }
            return new AppJar(jar, app, staticPrefix);
        }
    }
}
