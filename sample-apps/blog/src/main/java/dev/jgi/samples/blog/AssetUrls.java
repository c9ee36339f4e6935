package dev.jgi.samples.blog;

import dev.jgi.assets.StaticUrls;

/**
 * URLs of the jar's {@code static/} assets, which the server serves itself. Through gateway-assets'
 * lookup they are content-hashed (cacheable for a year) when the server indexed the jar; a server
 * without that lookup on the app's class path gets the plain {@code /static/...} URLs.
 */
final class AssetUrls {

    private final java.util.function.UnaryOperator<String> resolver;
    private final java.util.Optional<String> origin;

    private AssetUrls(java.util.function.UnaryOperator<String> resolver, java.util.Optional<String> origin) {
        this.resolver = resolver;
        this.origin = origin;
    }

    static AssetUrls fromEnvironment() {
        try {
            StaticUrls urls = StaticUrls.fromEnvironment();
            return new AssetUrls(urls::url, urls.base().map(dev.jgi.assets.BaseUrl::origin));
        } catch (NoClassDefFoundError missing) {
            return new AssetUrls(path -> "/static/" + path, java.util.Optional.empty());
        }
    }

    /** The origin of a CDN or bucket the URLs point at ({@code JGI_STATIC_URL}); empty for this server. */
    java.util.Optional<String> origin() {
        return origin;
    }

    String url(String logicalPath) {
        return resolver.apply(logicalPath);
    }
}
