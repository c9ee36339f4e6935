package dev.jgi.samples.micro;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /posts/{id}/comments}: literal segments match themselves, a
 * {@code {name}} segment matches any one non-empty segment and captures it.
 *
 * @param pattern  the pattern as written
 * @param segments its segments, without the leading empty one
 */
public record PathPattern(String pattern, List<String> segments) {

    public PathPattern {
        segments = List.copyOf(segments);
    }

    public static PathPattern parse(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/': " + pattern);
        }
        List<String> segments =
                pattern.equals("/") ? List.of() : List.of(pattern.substring(1).split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("a route path has no empty segments: " + pattern);
            }
        }
        return new PathPattern(pattern, segments);
    }

    /** The captured parameters when {@code path} (a decoded request path) matches. */
    public Optional<Map<String, String>> match(String path) {
        String trimmed = path.isEmpty() || path.equals("/") ? "" : path.substring(1);
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (isParameter(segment)) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), parts[i]);
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(Map.copyOf(params));
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }
}
