package dev.jgi.validator;

import dev.jgi.api.Headers;
import java.util.List;
import java.util.OptionalLong;

/** Checks of a response head and trailers shared by both interfaces. */
final class ResponseHead {

    private static final List<String> HOP_BY_HOP =
            List.of("connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade");
    private static final List<String> FORBIDDEN_TRAILERS =
            List.of("content-length", "transfer-encoding", "host", "content-type", "authorization", "set-cookie");

    private ResponseHead() {}

    /**
     * [JGI-RESP-1] [JGI-RESP-4] [JGI-FRAME-5]
     *
     * @return the content-length the application set, if it set a readable one
     */
    static OptionalLong check(int status, Headers headers, Reporter reporter) {
        if (status < 200) {
            reporter.report(Violation.byApplication("JGI-RESP-1", status + " is not a final status"));
        }
        if (headers == null) {
            reporter.report(Violation.byApplication("JGI-HDR-3", "the response headers are null"));
            return OptionalLong.empty();
        }
        for (String field : HOP_BY_HOP) {
            if (headers.contains(field)) {
                reporter.report(
                        Violation.byApplication("JGI-RESP-4", "hop-by-hop field " + field + " in the response"));
            }
        }
        List<String> lengths = headers.all("content-length");
        if (lengths.isEmpty()) {
            return OptionalLong.empty();
        }
        if (lengths.stream().distinct().count() > 1) {
            reporter.report(Violation.byApplication(
                    "JGI-FRAME-5", "content-length given twice with different values " + lengths));
            return OptionalLong.empty();
        }
        try {
            String length = lengths.get(0);
            if (length.isEmpty() || !length.chars().allMatch(Character::isDigit)) {
                throw new NumberFormatException(length);
            }
            return OptionalLong.of(Long.parseLong(length));
        } catch (NumberFormatException e) {
            reporter.report(
                    Violation.byApplication("JGI-FRAME-5", "content-length is not a number: " + lengths.get(0)));
            return OptionalLong.empty();
        }
    }

    /** Whether the server sends no body for this response [JGI-FRAME-4]. */
    static boolean bodiless(String method, int status) {
        return method.equals("HEAD") || status == 204 || status == 304 || status < 200;
    }

    /** [JGI-FRAME-5], and a body the server will drop [JGI-FRAME-4]. */
    static void checkLength(String method, int status, OptionalLong declared, long produced, Reporter reporter) {
        if (status == 204 || status == 304) {
            if (produced > 0) {
                reporter.report(Violation.byApplication(
                        "JGI-RESP-8",
                        produced + " body bytes given with status " + status + "; the server drops them"));
            }
            return;
        }
        if (declared.isPresent() && !method.equals("HEAD") && declared.getAsLong() != produced) {
            reporter.report(Violation.byApplication(
                    "JGI-FRAME-5",
                    "content-length is " + declared.getAsLong() + " but the body has " + produced + " bytes"));
        }
    }

    /** [JGI-EXT-2] */
    static void checkTrailers(Headers trailers, Reporter reporter) {
        if (trailers == null) {
            reporter.report(Violation.byApplication("JGI-EXT-1", "the trailers are null"));
            return;
        }
        for (String field : FORBIDDEN_TRAILERS) {
            if (trailers.contains(field)) {
                reporter.report(Violation.byApplication("JGI-EXT-2", field + " may not be a trailer field"));
            }
        }
    }
}
