package dev.jgi.server.http;

import dev.jgi.api.Headers;
import java.util.Set;

/**
 * Checks a response head the application produced before anything is sent: a breach is an
 * application failure answered with 500 [JGI-ERR-4]. Header syntax [JGI-HDR-3] is already enforced
 * by {@link Headers} itself.
 */
final class ResponseCheck {

    /** A response that breaks the specification; the message names the clause. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade");

    private ResponseCheck() {}

    /**
     * @param knownLength the body's length, or -1 when it streams
     * @return the application's content-length, or -1 when it set none
     */
    static long check(int status, Headers headers, long knownLength) throws Invalid {
        if (status < 200) {
            throw new Invalid("[JGI-RESP-1] the response has the interim status " + status);
        }
        long declared = -1;
        for (Headers.Field field : headers) {
            String name = field.name().toLowerCase(java.util.Locale.ROOT);
            if (HOP_BY_HOP.contains(name)) {
                throw new Invalid("[JGI-RESP-5] the response sets the hop-by-hop field " + field.name());
            }
            if (name.equals("content-length")) {
                long value = parseLength(field.value());
                if (declared >= 0 && declared != value) {
                    throw new Invalid("[JGI-FRAME-5] the response has disagreeing content-length fields");
                }
                declared = value;
            }
        }
        if (declared >= 0 && knownLength >= 0 && declared != knownLength && status != 204 && status != 304) {
            throw new Invalid(
                    "[JGI-FRAME-6] content-length " + declared + " but the body has " + knownLength + " bytes");
        }
        return declared;
    }

    private static long parseLength(String value) throws Invalid {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Invalid("[JGI-FRAME-5] the response has an invalid content-length: " + value);
        }
        return Long.parseLong(value);
    }

    /** Fields a 204 must not carry, removed rather than refused. */
    static Headers forNoContent(Headers headers) {
        return headers.contains("content-length") ? headers.without("content-length") : headers;
    }
}
