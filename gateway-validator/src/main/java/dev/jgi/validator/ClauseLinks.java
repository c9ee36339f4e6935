package dev.jgi.validator;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The address of each clause in the rendered specification, {@code SITE/spec/jgi-1.0.html#JGI-BODY-3},
 * which violations and the TCK's reports carry so that a reader gets from a finding to its clause in
 * one click. {@code SITE} is the documentation site's root: the system property {@value #PROPERTY},
 * else the environment variable {@value #VARIABLE} (for example {@code http://127.0.0.1:8090/docs/},
 * where {@code bin/docs} serves it), else the site as the build writes it,
 * {@code file:CHECKOUT/docs-site/target/site/}, where {@code CHECKOUT} is the system property
 * {@code jgi.root} or the working directory. The default names no host, so a link never points to
 * a server that does not exist.
 */
public final class ClauseLinks {

    /** The system property that sets the site's root URL. */
    public static final String PROPERTY = "jgi.docs.url";
    /** The environment variable that sets the site's root URL when the property is unset. */
    public static final String VARIABLE = "JGI_DOCS_URL";

    private static final String SPEC_PAGE = "spec/jgi-1.0.html";
    private static final System.Logger LOG = System.getLogger("dev.jgi.validator");

    private ClauseLinks() {}

    /** The address of one clause, such as {@code JGI-BODY-3}. */
    public static URI of(String clause) {
        return site().resolve(SPEC_PAGE + "#" + clause);
    }

    /**
     * The documentation site's root, always ending in {@code /}. A configured value that is not an
     * absolute URI is reported once per call as a warning and the default is used: a bad link must
     * not stop a violation from being reported.
     */
    public static URI site() {
        String configured = System.getProperty(PROPERTY);
        String source = PROPERTY;
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(VARIABLE);
            source = VARIABLE;
        }
        if (configured != null && !configured.isBlank()) {
            try {
                URI uri = new URI(configured.endsWith("/") ? configured : configured + "/");
                if (uri.isAbsolute()) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    source + " is not an absolute URL (" + configured + "); clause links use the local build");
        }
        return localBuild();
    }

    private static URI localBuild() {
        String root = System.getProperty("jgi.root");
        Path checkout = root == null || root.isBlank() ? Path.of("") : Path.of(root);
        // Path.toUri adds the final slash only to a folder that exists; the site may not be built yet.
        String site = checkout.toAbsolutePath()
                .normalize()
                .resolve("docs-site")
                .resolve("target")
                .resolve("site")
                .toUri()
                .toString();
        return URI.create(site.endsWith("/") ? site : site + "/");
    }
}
