package dev.jgi.assets.http;

/**
 * The outcome of reading a {@code Range} header against a representation of known size.
 * Only one range is honoured: a multi-range or malformed header yields {@link Ignored}, and the full
 * representation is sent with 200, which RFC 9110 §14.2 allows.
 */
public sealed interface ByteRange {

    /** No usable range: send the whole representation. */
    record Ignored() implements ByteRange {}

    /** Send bytes {@code first..last} (inclusive) with 206. */
    record Satisfiable(long first, long last, long size) implements ByteRange {
        public Satisfiable {
            if (first < 0 || last < first || last >= size) {
                throw new IllegalArgumentException("range " + first + "-" + last + " outside 0.." + size);
            }
        }

        public long length() {
            return last - first + 1;
        }

        public String contentRange() {
            return "bytes " + first + "-" + last + "/" + size;
        }
    }

    /** The range selects no byte: answer 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable(long size) implements ByteRange {
        public String contentRange() {
            return "bytes */" + size;
        }
    }

    /**
     * Reads a {@code Range} header value.
     *
     * @param header the header value, or {@code null} when the request has none
     * @param size the size of the selected representation in bytes
     */
    static ByteRange parse(String header, long size) {
        if (header == null) {
            return new Ignored();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Ignored();
        }
        String spec = value.substring(6).strip();
        if (spec.indexOf(',') >= 0) {
            return new Ignored();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Ignored();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            long suffix = digits(to);
            if (suffix < 0) {
                return new Ignored();
            }
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable(size);
            }
            return new Satisfiable(Math.max(0, size - suffix), size - 1, size);
        }
        long first = digits(from);
        long last = to.isEmpty() ? Long.MAX_VALUE : digits(to);
        if (first < 0 || last < 0 || last < first) {
            return new Ignored();
        }
        if (first >= size) {
            return new Unsatisfiable(size);
        }
        return new Satisfiable(first, Math.min(last, size - 1), size);
    }

    /** The value of a non-empty run of ASCII digits, or -1 (also on overflow). */
    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
