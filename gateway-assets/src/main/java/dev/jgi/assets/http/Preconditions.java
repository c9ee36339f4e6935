package dev.jgi.assets.http;

import java.time.Instant;

/**
 * Evaluates the conditional request headers of a GET or HEAD against a representation's validators
 * (RFC 9110 §13.2.2). Only the answers a static file server needs: 304 for a fresh cache entry, and
 * whether an {@code If-Range} still allows a partial response.
 */
public final class Preconditions {

    private Preconditions() {}

    /**
     * Whether a GET or HEAD is answered with 304 Not Modified.
     * {@code If-None-Match} takes precedence: when present, {@code If-Modified-Since} is ignored.
     *
     * @param ifNoneMatch the header value, or {@code null}
     * @param ifModifiedSince the header value, or {@code null}
     * @param etag the strong entity tag of the representation, quoted
     * @param lastModified the modification time of the representation, to the second
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag);
        }
        if (ifModifiedSince != null) {
            return HttpDates.parse(ifModifiedSince)
                    .map(since -> !lastModified.isAfter(since))
                    .orElse(false);
        }
        return false;
    }

    /**
     * Whether a {@code Range} header may be honoured given an {@code If-Range} value: it may when there is
     * none, when it is the current strong entity tag, or when it is exactly the Last-Modified date.
     *
     * @param ifRange the header value, or {@code null}
     */
    public static boolean rangeAllowed(String ifRange, String etag, Instant lastModified) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"")) {
            return value.equals(etag);
        }
        return HttpDates.parse(value).map(lastModified::equals).orElse(false);
    }

    /** Weak comparison against a list of entity tags, as If-None-Match requires. */
    private static boolean matchesAny(String list, String etag) {
        String opaque = opaque(etag);
        int i = 0;
        int n = list.length();
        while (i < n) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                int start = i;
                if (list.startsWith("W/", i)) {
                    i += 2;
                }
                if (i >= n || list.charAt(i) != '"') {
                    return false;
                }
                int close = list.indexOf('"', i + 1);
                if (close < 0) {
                    return false;
                }
                if (opaque(list.substring(start, close + 1)).equals(opaque)) {
                    return true;
                }
                i = close + 1;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
