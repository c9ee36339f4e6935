package dev.jgi.server.http;

import java.nio.charset.StandardCharsets;

/**
 * Reads parts of a request head straight from its octets, so that recording a head costs one
 * string per method, target, version, name and value and none per line.
 */
final class HeadBytes {

    private HeadBytes() {}

    /** Where {@code wanted} first occurs in bytes {@code from} (inclusive) to {@code to} (exclusive), or -1. */
    static int indexOf(byte[] bytes, char wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes {@code from} to {@code to} as text, one character per octet [JGI-HDR-4]. */
    static String latin1(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** A field value: bytes {@code from} to {@code to} without surrounding spaces and tabs (not other characters) [JGI-HDR-8]. */
    static String trimmed(byte[] bytes, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && (bytes[start] == ' ' || bytes[start] == '\t')) {
            start++;
        }
        while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        return latin1(bytes, start, end);
    }
}
