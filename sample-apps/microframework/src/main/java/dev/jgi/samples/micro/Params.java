package dev.jgi.samples.micro;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decoded {@code application/x-www-form-urlencoded} fields, from a query string or a form body.
 * Names may repeat; order is kept per name.
 *
 * @param values field name to its values in order
 */
public record Params(Map<String, List<String>> values) {

    public static final Params EMPTY = new Params(Map.of());

    public Params {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses an encoded string such as {@code a=1&b=x%20y&a=2}.
     *
     * @param maxFields how many fields are accepted, so that a hostile request cannot make the
     *     application build a huge map
     * @throws HttpError 400 for a malformed escape or more than {@code maxFields} fields
     */
    public static Params parse(String encoded, int maxFields) {
        if (encoded.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        int fields = 0;
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++fields > maxFields) {
                throw HttpError.badRequest("too many fields (the limit is " + maxFields + ")");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new Params(values);
    }

    /** The first value of a field. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getFirst());
    }

    /** The first value of a field, or a 400 naming the missing field. */
    public String require(String name) {
        return first(name).orElseThrow(() -> HttpError.badRequest("missing field: " + name));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("malformed percent-encoding");
        }
    }
}
