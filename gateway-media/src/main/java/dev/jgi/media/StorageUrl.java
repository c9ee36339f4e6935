package dev.jgi.media;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage location as {@code MEDIA_STORAGE_URL} and {@code jgi collect-static --to} spell it:
 * {@code SCHEME:LOCATION?name=value&...}, such as {@code s3://bucket/prefix?region=eu-west-1} or
 * {@code file:./media}. A value without a scheme (or a one-letter one, a Windows drive) is a
 * directory: {@code ./media} is {@code file:./media}. Parameter values are percent-decoded.
 *
 * @param scheme the lower-case scheme, such as {@code s3} or {@code file}
 * @param location what follows {@code SCHEME:} and an optional {@code //}, up to the {@code ?}
 *     ({@code file:///srv/media} is {@code /srv/media})
 * @param parameters the query parameters, in order; a name given twice is refused
 */
public record StorageUrl(String scheme, String location, Map<String, String> parameters) {

    public StorageUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(location, "location");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Parses a location.
     *
     * @throws IllegalArgumentException naming the problem, for an empty location, a malformed escape or
     *     a repeated parameter
     */
    public static StorageUrl parse(String text) {
        String value = text.strip();
        int query = value.indexOf('?');
        String head = query < 0 ? value : value.substring(0, query);
        int colon = head.indexOf(':');
        String scheme;
        String location;
        if (colon > 1 && head.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            scheme = head.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            location = head.substring(colon + 1);
            if (location.startsWith("//")) {
                location = location.substring(2);
            }
        } else {
            scheme = "file";
            location = head;
        }
        if (location.isEmpty()) {
            throw new IllegalArgumentException("storage URL without a location: " + text);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query >= 0) {
            for (String pair : value.substring(query + 1).split("&", -1)) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), text);
                if (parameters.put(name, decode(eq < 0 ? "" : pair.substring(eq + 1), text)) != null) {
                    throw new IllegalArgumentException("storage URL parameter '" + name + "' given twice: " + text);
                }
            }
        }
        return new StorageUrl(scheme, location, parameters);
    }

    /** A parameter's value, when given and not blank. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name)).filter(v -> !v.isBlank());
    }

    /**
     * Fails when a parameter is not one of {@code known}, so that a typo is not silently ignored.
     *
     * @throws IllegalArgumentException naming the parameter and the known ones
     */
    public StorageUrl requireOnly(java.util.Set<String> known) {
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' in a " + scheme
                        + ": storage URL (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    private static String decode(String s, String text) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-escape in storage URL: " + text, e);
        }
    }
}
