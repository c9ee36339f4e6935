package dev.jgi.assets;

import java.util.Objects;

/**
 * The URL path under which static assets are served, such as {@code /static}: it starts with
 * {@code /}, has no trailing slash, is not the root, and has no empty, {@code .} or {@code ..} segment
 * and no character outside the RFC 3986 unreserved set, so it never needs percent-encoding.
 */
public record UrlPrefix(String value) {

    /** The prefix used when an app jar names none. */
    public static final UrlPrefix DEFAULT = new UrlPrefix("/static");

    public UrlPrefix {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("/") || value.length() < 2 || value.endsWith("/")) {
            throw new IllegalArgumentException(
                    "a static URL prefix starts with '/', is not '/' and has no trailing '/': " + value);
        }
        for (String segment : value.substring(1).split("/", -1)) {
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || !segment.chars().allMatch(UrlPrefix::unreserved)) {
                throw new IllegalArgumentException(
                        "a static URL prefix has segments of letters, digits and -._~ only (not '.' or '..'): "
                                + value);
            }
        }
    }

    /** Whether {@code path} (a decoded request path) lies strictly below this prefix. */
    public boolean contains(String path) {
        return path.length() > value.length() + 1 && path.startsWith(value) && path.charAt(value.length()) == '/';
    }

    /** The URL of an asset's relative path below this prefix. */
    public String resolve(String relativePath) {
        return value + "/" + relativePath;
    }

    private static boolean unreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    @Override
    public String toString() {
        return value;
    }
}
