package dev.jgi.assets;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * An absolute URL that assets are served below, such as a CDN or a bucket:
 * {@code https://cdn.example.com/app/}. It is {@code http} or {@code https}, has a host, no user
 * information, query or fragment, and ends with {@code /} (one is added when missing), so that an
 * asset's relative path is simply appended.
 *
 * @param value the URL, ending with {@code /}
 */
public record BaseUrl(String value) {

    public BaseUrl {
        Objects.requireNonNull(value, "value");
        value = value.strip();
        if (!value.endsWith("/")) {
            value = value + "/";
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + value, e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "a static base URL is http:// or https:// with a host, no user, query or fragment: " + value);
        }
    }

    /** The URL of an asset's relative path below this base. */
    public String resolve(String relativePath) {
        return value + relativePath;
    }

    /** {@code scheme://host[:port]}, for a {@code Content-Security-Policy}. */
    public String origin() {
        URI uri = URI.create(value);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    @Override
    public String toString() {
        return value;
    }
}
