package dev.jgi.samples.micro;

import dev.jgi.api.Headers;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code Cookie} request header (RFC 6265 section 5.4): name=value pairs. */
public final class Cookies {

    private Cookies() {}

    /** The request's cookies by name; when a name repeats, the first one wins (the most specific path). */
    public static Map<String, String> parse(Headers headers) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headers.all("cookie")) {
            for (String pair : header.split(";", -1)) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                cookies.putIfAbsent(name, value);
            }
        }
        return Map.copyOf(cookies);
    }
}
