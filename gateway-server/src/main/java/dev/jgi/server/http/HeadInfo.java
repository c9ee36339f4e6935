package dev.jgi.server.http;

import dev.jgi.api.Headers;
import java.util.Arrays;

/**
 * What the raw bytes of one request head say that Undertow's parsed form loses: the target exactly
 * as received [JGI-REQ-4] [JGI-PATH-9], the order of the header fields [JGI-HDR-2], and the
 * malformations Undertow tolerates (obsolete line folding, a bare CR) [JGI-HDR-6].
 *
 * @param method    the request method
 * @param target    the request target as received
 * @param fields    the header fields in order of arrival, names in lower case, repeats kept, values
 *                  without surrounding whitespace, octets as ISO-8859-1 [JGI-HDR-4]; null when a
 *                  field is not valid as a JGI field [JGI-HDR-3], and the mapper falls back to Undertow's
 * @param malformed why the head breaks RFC 9112, or null
 */
record HeadInfo(String method, String target, Headers fields, String malformed) {

    /** Whether this record is the head Undertow parsed: the same method and the same target (Undertow drops a lone "?"). */
    boolean describes(String parsedMethod, String parsedTarget) {
        return method.equals(parsedMethod) && (target.equals(parsedTarget) || target.equals(parsedTarget + "?"));
    }

    /** The first {@code count} of {@code fields} (name, value, ...) as JGI headers, or null when one is not valid as such [JGI-HDR-3]. */
    static Headers validFields(String[] fields, int count) {
        try {
            return Headers.of(count == fields.length ? fields : Arrays.copyOf(fields, count));
        } catch (IllegalArgumentException invalid) {
            return null;
        }
    }
}
