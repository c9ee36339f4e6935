package dev.jgi.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/**
 * The request-head limits of the bridge, with the reference server's defaults, answered with the
 * statuses JGI fixes: 414 for the request line [JGI-LIM-1], 431 for header fields [JGI-LIM-2].
 * A container answers its own, cruder 400 before the servlet runs when a head exceeds the
 * container's buffers, so those are configured above these limits (docs/servlet-bridge.md).
 *
 * @param maxRequestLine  the longest request line, in characters
 * @param maxHeaderCount  the most header fields
 * @param maxFieldSize    the longest field: name, colon, space and value
 * @param maxHeaderSize   the largest head: request line and every field
 */
public record HeadLimits(int maxRequestLine, int maxHeaderCount, int maxFieldSize, int maxHeaderSize) {

    /** 8 KiB, 100 fields, 8 KiB, 64 KiB: as the reference server. */
    public static final HeadLimits DEFAULTS = new HeadLimits(8 * 1024, 100, 8 * 1024, 64 * 1024);

    /**
     * Checks the request head against the limits.
     *
     * @throws Refusal with 414 or 431 for a head over a limit
     */
    public void check(HttpServletRequest request) throws Refusal {
        String query = request.getQueryString();
        int line = request.getMethod().length()
                + 1
                + request.getRequestURI().length()
                + (query == null ? 0 : query.length() + 1)
                + 1
                + request.getProtocol().length();
        if (line > maxRequestLine) {
            throw new Refusal(414, "[JGI-LIM-1] request line of " + line + " characters");
        }
        int count = 0;
        long size = line;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                int field = name.length() + 2 + values.nextElement().length();
                count++;
                size += field + 2;
                if (field > maxFieldSize || count > maxHeaderCount || size > maxHeaderSize) {
                    throw new Refusal(431, "[JGI-LIM-2] request header fields over the limits");
                }
            }
        }
    }
}
