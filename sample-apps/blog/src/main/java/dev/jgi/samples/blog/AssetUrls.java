package dev.jgi.samples.blog;

import dev.jgi.assets.StaticUrls;

/**
 * URLs of the jar's {@code static/} assets, which the server serves itself. Through gateway-assets'
 * lookup they are content-hashed (cacheable for a year) when the server indexed the jar; a server
 * without that lookup on the app's class path gets the plain {@code /static/...} URLs.
 */
final class AssetUrls {

    private final java.util.function.UnaryOperator<String> resolver;

    private AssetUrls(java.util.function.UnaryOperator<String> resolver) {
        this.resolver = resolver;
    }

    static AssetUrls fromEnvironment() {
        try {
            StaticUrls urls = StaticUrls.fromEnvironment();
            return new AssetUrls(urls::url);
        } catch (NoClassDefFoundError missing) {
            return new AssetUrls(path -> "/static/" + path);
        }
    }

    String url(String logicalPath) {
        return resolver.apply(logicalPath);
    }
}
