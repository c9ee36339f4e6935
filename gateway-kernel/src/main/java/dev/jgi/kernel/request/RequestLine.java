package dev.jgi.kernel.request;

import dev.jgi.kernel.syntax.Ascii;
import java.util.OptionalInt;

/**
 * What a server refuses in a request line before the target is parsed.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>[JGI-REQ-11] On an HTTP/1.x connection, a major version other than 1 ({@code HTTP/2.0},
 *       {@code HTTP/3.0}, {@code HTTP/0.9}) is answered 505 without calling the application
 *       (RFC 9110 §6.2, §15.6.6); a version that is not {@code "HTTP/" DIGIT "." DIGIT}
 *       (RFC 9112 §2.3) is answered 400. A higher minor version of HTTP/1 is served as HTTP/1.1.</li>
 *   <li>[JGI-REQ-12] {@code CONNECT} is answered 501 without calling the application, on every
 *       connection (RFC 9110 §9.3.6): JGI 1.0 has no way for an application to take over a
 *       tunnel's bytes.</li>
 * </ul>
 */
public final class RequestLine {

    private RequestLine() {}

    /** The status a server answers for this HTTP-version on an HTTP/1.x connection, or empty to go on. */
    public static OptionalInt version(String version) {
        if (version.length() != 8
                || !version.startsWith("HTTP/")
                || !Ascii.isDigit(version.charAt(5))
                || version.charAt(6) != '.'
                || !Ascii.isDigit(version.charAt(7))) {
            return OptionalInt.of(400);
        }
        return version.charAt(5) == '1' ? OptionalInt.empty() : OptionalInt.of(505);
    }

    /** The status a server answers for this method, on any connection, or empty to go on. */
    public static OptionalInt method(String method) {
        return method.equals("CONNECT") ? OptionalInt.of(501) : OptionalInt.empty();
    }
}
