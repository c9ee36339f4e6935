package dev.jgi.server.http;

import dev.jgi.kernel.syntax.Ascii;

/**
 * What the framing fields of a raw request head say, as far as {@link HeadScanner} follows them to
 * find where the next head begins: it only needs to tell a length, a chunked body and anything
 * else, at which it stops following the connection.
 */
final class FramingFields {

    private FramingFields() {}

    /** Whether a {@code Transfer-Encoding} value ends with chunked, in any case. */
    static boolean chunked(String value) {
        return value.regionMatches(true, value.length() - "chunked".length(), "chunked", 0, "chunked".length());
    }

    /** The first length of a {@code Content-Length} value, or -1 when it is not a decimal number. */
    static long contentLength(String value) {
        String first = value.split(",", -1)[0].strip();
        if (!Ascii.isDecimal(first)) {
            return -1;
        }
        return Long.parseLong(first);
    }
}
