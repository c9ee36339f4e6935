package dev.jgi.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lower-case header field names [JGI-HDR-1] without a new string for the names most requests carry:
 * every request on the I/O thread would otherwise allocate one per field. A name outside the table
 * is lower-cased as before; the result is the same string either way.
 */
final class FieldNames {

    private static final String[] COMMON = {
        "accept",
        "accept-encoding",
        "accept-language",
        "authorization",
        "cache-control",
        "connection",
        "content-length",
        "content-type",
        "cookie",
        "dnt",
        "expect",
        "forwarded",
        "host",
        "if-modified-since",
        "if-none-match",
        "keep-alive",
        "origin",
        "pragma",
        "priority",
        "range",
        "referer",
        "sec-ch-ua",
        "sec-ch-ua-mobile",
        "sec-ch-ua-platform",
        "sec-fetch-dest",
        "sec-fetch-mode",
        "sec-fetch-site",
        "sec-fetch-user",
        "te",
        "traceparent",
        "transfer-encoding",
        "upgrade",
        "upgrade-insecure-requests",
        "user-agent",
        "x-forwarded-for",
        "x-forwarded-host",
        "x-forwarded-proto",
        "x-request-id"
    };

    /** The common names by length, so a lookup compares a handful of names at most. */
    private static final String[][] BY_LENGTH = byLength();

    private FieldNames() {}

    /** The name in bytes {@code from} (inclusive) to {@code to} (exclusive), lower case, octets as ISO-8859-1. */
    static String lowerCase(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < BY_LENGTH.length) {
            for (String common : BY_LENGTH[length]) {
                if (matches(common, bytes, from)) {
                    return common;
                }
            }
        }
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    /** {@code name} in lower case. */
    static String lowerCase(String name) {
        int length = name.length();
        if (length < BY_LENGTH.length) {
            for (String common : BY_LENGTH[length]) {
                if (common.equalsIgnoreCase(name)) {
                    return common;
                }
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** Whether the bytes at {@code from} spell {@code common} in any ASCII case. */
    private static boolean matches(String common, byte[] bytes, int from) {
        for (int i = 0; i < common.length(); i++) {
            int b = bytes[from + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != common.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String[][] byLength() {
        int longest = 0;
        for (String name : COMMON) {
            longest = Math.max(longest, name.length());
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            lists.add(new ArrayList<>());
        }
        for (String name : COMMON) {
            lists.get(name.length()).add(name);
        }
        String[][] table = new String[longest + 1][];
        for (int i = 0; i <= longest; i++) {
            table[i] = lists.get(i).toArray(String[]::new);
        }
        return table;
    }
}
