package dev.jgi.server.http;

import dev.jgi.kernel.syntax.Ascii;
import dev.jgi.server.ServerConfig;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Protocols;

/**
 * Checks a parsed request head against JGI's limits and RFC 9112's rules before any application
 * code runs. Undertow's own caps are set far above JGI's (see {@code runtime.UndertowSetup}) so that the
 * precise statuses come from here: 414 [JGI-LIM-1], 431 [JGI-LIM-2], 413 [JGI-LIM-3], 400.
 */
final class HeadCheck {

    private final ServerConfig config;

    HeadCheck(ServerConfig config) {
        this.config = config;
    }

    /** The refusal for this head, or {@code null} when it may go on. */
    Admission.Refused check(HttpServerExchange exchange, String rawTarget) {
        int requestLine = exchange.getRequestMethod().length()
                + rawTarget.length()
                + exchange.getProtocol().length()
                + 2;
        if (requestLine > config.maxRequestLine()) {
            return new Admission.Refused(
                    414, "[JGI-LIM-1] the request line is longer than " + config.maxRequestLine() + " bytes");
        }
        HeaderMap headers = exchange.getRequestHeaders();
        int count = 0;
        long total = requestLine + 2L;
        for (HeaderValues values : headers) {
            String name = values.getHeaderName().toString();
            if (name.isEmpty() || !Ascii.isToken(name)) {
                return new Admission.Refused(400, "[JGI-HDR-6] a malformed header field name");
            }
            for (String value : values) {
                count++;
                int field = name.length() + 2 + value.length();
                if (field > config.maxFieldSize()) {
                    return new Admission.Refused(
                            431, "[JGI-LIM-2] a header field is longer than " + config.maxFieldSize() + " bytes");
                }
                total += field + 2;
                if (!isFieldValue(value)) {
                    return new Admission.Refused(400, "[JGI-HDR-6] a malformed header field value");
                }
            }
        }
        if (count > config.maxHeaderCount()) {
            return new Admission.Refused(431, "[JGI-LIM-2] more than " + config.maxHeaderCount() + " header fields");
        }
        if (total > config.maxHeaderSize()) {
            return new Admission.Refused(
                    431, "[JGI-LIM-2] the request head is larger than " + config.maxHeaderSize() + " bytes");
        }
        Admission.Refused host = checkHost(exchange);
        if (host != null) {
            return host;
        }
        return checkFraming(headers);
    }

    private static Admission.Refused checkHost(HttpServerExchange exchange) {
        HeaderValues hosts = exchange.getRequestHeaders().get(Headers.HOST);
        boolean http11 = exchange.getProtocol().equals(Protocols.HTTP_1_1);
        if (hosts == null || hosts.isEmpty()) {
            return http11 ? new Admission.Refused(400, "[JGI-HDR-7] an HTTP/1.1 request needs a host header") : null;
        }
        if (hosts.size() > 1) {
            return new Admission.Refused(400, "[JGI-HDR-7] more than one host header");
        }
        return HostSyntax.isValid(hosts.getFirst())
                ? null
                : new Admission.Refused(400, "[JGI-HDR-7] an invalid host header");
    }

    private Admission.Refused checkFraming(HeaderMap headers) {
        HeaderValues codings = headers.get(Headers.TRANSFER_ENCODING);
        HeaderValues lengths = headers.get(Headers.CONTENT_LENGTH);
        boolean chunked = codings != null && !codings.isEmpty();
        if (chunked) {
            if (lengths != null && !lengths.isEmpty()) {
                return new Admission.Refused(400, "[JGI-BODY-7] both content-length and transfer-encoding");
            }
            if (codings.size() != 1 || !codings.getFirst().strip().equalsIgnoreCase("chunked")) {
                return new Admission.Refused(
                        400, "[JGI-BODY-7] an unknown transfer coding: " + String.join(", ", codings));
            }
            return null;
        }
        if (lengths == null || lengths.isEmpty()) {
            return null;
        }
        String first = null;
        for (String value : lengths) {
            for (String part : value.split(",", -1)) {
                String length = part.strip();
                if (!Ascii.isDecimal(length)) {
                    return new Admission.Refused(400, "[JGI-BODY-7] an invalid content-length");
                }
                if (first != null && !first.equals(length)) {
                    return new Admission.Refused(400, "[JGI-BODY-7] content-length values disagree");
                }
                first = length;
            }
        }
        long declared = Long.parseLong(first);
        if (config.maxBodySize() > 0 && declared > config.maxBodySize()) {
            return new Admission.Refused(413, "[JGI-LIM-3] the body is larger than " + config.maxBodySize() + " bytes");
        }
        return null;
    }

    private static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
