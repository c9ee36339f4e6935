package dev.jgi.validator;

import dev.jgi.api.Headers;
import dev.jgi.kernel.response.ResponseHead;
import java.util.List;
import java.util.OptionalLong;

/** Checks of a response head and trailers shared by both interfaces, reported as the application's. */
final class HeadCheck {

    private static final List<String> FORBIDDEN_TRAILERS =
            List.of("content-length", "transfer-encoding", "host", "content-type", "authorization", "set-cookie");

    private HeadCheck() {}

    /**
     * Reports each breach of the kernel's {@link ResponseHead} [JGI-RESP-1] [JGI-RESP-4]
     * [JGI-FRAME-5].
     *
     * @return the content-length the application set, if it set a readable one
     */
    static OptionalLong check(int status, Headers headers, Reporter reporter) {
        if (headers == null) {
            reporter.report(Violation.byApplication("JGI-HDR-3", "the response headers are null"));
            return OptionalLong.empty();
        }
        ResponseHead.breaches(status, headers)
                .forEach(breach -> reporter.report(Violation.byApplication(breach.clause(), breach.reason())));
        return ResponseHead.contentLength(headers);
    }

    /**
     * [JGI-EXT-10]: trailers announced with {@code headers} are named in its {@code trailer} field,
     * which is how a client learns which fields to wait for.
     */
    static void checkAnnounced(Headers headers, Reporter reporter) {
        if (headers != null && headers.all("trailer").stream().allMatch(String::isBlank)) {
            reporter.report(
                    Violation.byApplication("JGI-EXT-10", "trailers are announced, but no trailer field names them"));
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
