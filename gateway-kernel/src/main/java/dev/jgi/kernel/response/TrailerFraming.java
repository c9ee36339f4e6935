package dev.jgi.kernel.response;

import dev.jgi.api.Headers;

/**
 * Where response trailers and {@code 103 Early Hints} can travel, and what trailers do to framing.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>[JGI-EXT-8] Trailers travel on a response with a body section over HTTP/1.1 or HTTP/2:
 *       never toward HTTP/1.0 (it has no chunked coding), nor on a response to HEAD, a 204 or a
 *       304 (no body follows the head). Elsewhere a server drops them without calling a
 *       trailer supplier.</li>
 *   <li>[JGI-EXT-7] Where they travel over HTTP/1.1 the body is chunked whatever its length, and
 *       no {@code content-length} is sent, not even the application's.</li>
 *   <li>[JGI-EXT-3] A 103 goes to HTTP/1.1 and HTTP/2 clients, never to HTTP/1.0 ones (RFC 9110
 *       §15.2: a server must not send a 1xx to an HTTP/1.0 client).</li>
 * </ul>
 */
public final class TrailerFraming {

    /**
     * The most bytes of response trailer fields, as {@code name: value CRLF} lines, that a server
     * built on these rules sends; over it the exchange is aborted rather than half its trailers sent
     * [JGI-ERR-2]. The reference server's default header-field size, and well inside the 16 KiB
     * buffer Undertow writes the last chunk into.
     */
    public static final int MAX_TRAILER_BYTES = 8192;

    private TrailerFraming() {}

    /**
     * Whether trailers reach the client of this response [JGI-EXT-8].
     *
     * @param version the request's version, as in {@code Request.version()}
     * @param method  the request method
     * @param status  the response status
     */
    public static boolean travel(String version, String method, int status) {
        return !version.equals("HTTP/1.0") && !ResponseHead.bodiless(method, status);
    }

    /** Whether announced trailers make this response chunked, without {@code content-length} [JGI-EXT-7]. */
    public static boolean chunks(String version, String method, int status) {
        return version.equals("HTTP/1.1") && travel(version, method, status);
    }

    /** Whether a {@code 103} may go to a client of this version [JGI-EXT-3]. */
    public static boolean earlyHintsReach(String version) {
        return !version.equals("HTTP/1.0");
    }

    /** The size of trailer fields as {@code name: value CRLF} lines, for {@link #MAX_TRAILER_BYTES}. */
    public static long size(Headers trailers) {
        long[] size = {0};
        trailers.forEach((name, value) -> size[0] += name.length() + value.length() + 4);
        return size[0];
    }
}
