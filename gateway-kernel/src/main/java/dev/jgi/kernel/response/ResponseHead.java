package dev.jgi.kernel.response;

import dev.jgi.api.Headers;
import dev.jgi.kernel.syntax.Ascii;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The checks of a response head an application gave (a {@code Response}, a {@code ResponseStart},
 * a {@code WebSocketDeny}) before a server sends it.
 *
 * <p><b>Rules</b>
 * <ul>
 *   <li>[JGI-RESP-1] The status is final, 200 or more; the API's records refuse statuses outside
 *       100 to 599. A server answers 500 instead [JGI-ERR-4].</li>
 *   <li>[JGI-RESP-4] No hop-by-hop field: {@code connection}, {@code keep-alive},
 *       {@code proxy-connection}, {@code te}, {@code transfer-encoding}, {@code upgrade}, in any
 *       case; but {@code connection: close} [JGI-FRAME-11], and {@code upgrade} on a 426
 *       [JGI-RESP-9]. A server answers 500 instead [JGI-RESP-5].</li>
 *   <li>[JGI-FRAME-5] Every {@code content-length} field is a decimal number of at most 18 digits
 *       (below 10<sup>18</sup>, so that it fits a {@code long}), and repeated fields agree. A
 *       server answers 500 instead [JGI-ERR-4].</li>
 *   <li>[JGI-FRAME-4] {@link #bodiless} says which responses carry no body bytes.</li>
 * </ul>
 * Field syntax [JGI-HDR-3] is enforced by {@link Headers} itself. Whether the body matches the
 * {@code content-length} is {@link BodyLength}'s to check.
 */
public final class ResponseHead {

    private static final String[] HOP_BY_HOP = {
        "connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade"
    };
    private static final String CONTENT_LENGTH = "content-length";
    private static final String CONNECTION = "connection";
    private static final String UPGRADE = "upgrade";
    private static final int UPGRADE_REQUIRED = 426;

    private ResponseHead() {}

    /**
     * Every breach of a head, in order: the status, then the hop-by-hop fields (each name once, in
     * the order they appear), then {@code content-length}. Empty for a valid head, and allocates
     * no list then.
     */
    public static List<ResponseBreach> breaches(int status, Headers headers) {
        return scan(status, headers).breaches();
    }

    /**
     * Checks a head as a server does before it sends it.
     *
     * @return the {@code content-length} the application set, if any
     * @throws InvalidResponseException for the first of {@link #breaches}
     */
    public static OptionalLong check(int status, Headers headers) throws InvalidResponseException {
        Scan scan = scan(status, headers);
        if (!scan.breaches().isEmpty()) {
            throw new InvalidResponseException(scan.breaches().getFirst());
        }
        return scan.contentLength();
    }

    /**
     * The {@code content-length} an application set: empty when it set none, or when a value is
     * not a decimal number of at most 18 digits or the values disagree [JGI-FRAME-5].
     */
    public static OptionalLong contentLength(Headers headers) {
        return scan(200, headers).contentLength();
    }

    /** What one pass over the fields found. */
    private record Scan(List<ResponseBreach> breaches, OptionalLong contentLength) {}

    private static Scan scan(int status, Headers headers) {
        List<ResponseBreach> found = List.of();
        if (status < 200) {
            found = add(found, new ResponseBreach("JGI-RESP-1", "JGI-ERR-4", status + " is not a final status"));
        }
        int reported = 0;
        String length = null;
        String lengthProblem = null;
        for (Headers.Field field : headers) {
            String name = field.name();
            int hop = allowed(status, field) ? -1 : hopByHop(name);
            if (hop >= 0 && (reported & 1 << hop) == 0) {
                reported |= 1 << hop;
                found = add(
                        found,
                        new ResponseBreach(
                                "JGI-RESP-4",
                                "JGI-RESP-5",
                                "hop-by-hop field " + HOP_BY_HOP[hop] + " in the response"));
            } else if (lengthProblem == null && name.equalsIgnoreCase(CONTENT_LENGTH)) {
                String value = field.value();
                if (!Ascii.isDecimal(value)) {
                    lengthProblem = "a content-length is not a decimal number of at most 18 digits";
                } else if (length != null && !length.equals(value)) {
                    lengthProblem = "the content-length fields disagree";
                }
                length = value;
            }
        }
        if (lengthProblem != null) {
            found = add(found, new ResponseBreach("JGI-FRAME-5", "JGI-ERR-4", lengthProblem));
        }
        OptionalLong declared = length == null || lengthProblem != null
                ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(length));
        return new Scan(found, declared);
    }

    /**
     * The fields a server sends for a head that passed {@link #check}, on a connection of the
     * request's {@code version}: the application's, less
     * <ul>
     *   <li>a {@code content-length} on a 204, which RFC 9110 §8.6 forbids and a server drops
     *       rather than refuses;</li>
     *   <li>{@code connection: close}, which the server expresses by its own connection management
     *       [JGI-FRAME-11] (see {@link #asksToClose});</li>
     *   <li>over HTTP/2, the {@code upgrade} of a 426 [JGI-RESP-9];</li>
     * </ul>
     * plus, over HTTP/1.x, the {@code upgrade} connection option that a 426's {@code upgrade}
     * needs [JGI-RESP-9].
     */
    public static Headers sendable(String version, int status, Headers headers) {
        Headers sent = status == 204 && headers.contains(CONTENT_LENGTH) ? headers.without(CONTENT_LENGTH) : headers;
        if (sent.contains(CONNECTION)) {
            sent = sent.without(CONNECTION);
        }
        if (status == UPGRADE_REQUIRED && sent.contains(UPGRADE)) {
            sent = version.startsWith("HTTP/1.") ? sent.plus(CONNECTION, UPGRADE) : sent.without(UPGRADE);
        }
        return sent;
    }

    /**
     * Whether the application asked for its connection to be closed after this response, with
     * {@code connection: close} [JGI-FRAME-11]; a server closes an HTTP/1.x connection then.
     */
    public static boolean asksToClose(Headers headers) {
        for (String value : headers.all(CONNECTION)) {
            if (isClose(value)) {
                return true;
            }
        }
        return false;
    }

    /** The hop-by-hop fields an application may set: {@code connection: close}, a 426's {@code upgrade}. */
    private static boolean allowed(int status, Headers.Field field) {
        return (field.name().equalsIgnoreCase(CONNECTION) && isClose(field.value()))
                || (field.name().equalsIgnoreCase(UPGRADE) && status == UPGRADE_REQUIRED);
    }

    private static boolean isClose(String value) {
        return value.equalsIgnoreCase("close");
    }

    /**
     * Whether the response carries no body bytes, whatever body the application gave: a response
     * to HEAD, a 204, a 304, or an interim status [JGI-FRAME-4].
     */
    public static boolean bodiless(String method, int status) {
        return status < 200 || status == 204 || status == 304 || method.equals("HEAD");
    }

    private static int hopByHop(String name) {
        for (int i = 0; i < HOP_BY_HOP.length; i++) {
            if (name.equalsIgnoreCase(HOP_BY_HOP[i])) {
                return i;
            }
        }
        return -1;
    }

    private static List<ResponseBreach> add(List<ResponseBreach> found, ResponseBreach breach) {
        List<ResponseBreach> more = new ArrayList<>(found);
        more.add(breach);
        return List.copyOf(more);
    }
}
