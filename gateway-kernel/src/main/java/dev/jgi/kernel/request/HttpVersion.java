package dev.jgi.kernel.request;

import java.util.OptionalInt;

/**
 * The HTTP-version of a request line received on an HTTP/1.x connection.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>[JGI-REQ-11] A major version other than 1 ({@code HTTP/2.0}, {@code HTTP/3.0},
 *       {@code HTTP/0.9}) is answered 505 without calling the application (RFC 9110 §6.2,
 *       §15.6.6).</li>
 *   <li>A version that is not {@code "HTTP/" DIGIT "." DIGIT} (RFC 9112 §2.3) is answered 400.</li>
 * </ul>
 * A higher minor version of HTTP/1 is served as HTTP/1.1 (RFC 9110 §6.2).
 */
public final class HttpVersion {

    private HttpVersion() {}

    /** The status a server answers for this version on an HTTP/1.x connection, or empty to go on. */
    public static OptionalInt refusal(String version) {
        if (version.length() != 8
                || !version.startsWith("HTTP/")
                || !isDigit(version.charAt(5))
                || version.charAt(6) != '.'
                || !isDigit(version.charAt(7))) {
            return OptionalInt.of(400);
        }
        return version.charAt(5) == '1' ? OptionalInt.empty() : OptionalInt.of(505);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
