package dev.jgi.compression;

import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether one response is compressed, and its head when it is: the rules both middlewares share.
 *
 * @param coding  the coding to apply, if any
 * @param headers the response's header fields: with {@code Vary: accept-encoding} whenever the
 *                representation could vary by coding; when compressed, also with
 *                {@code Content-Encoding}, without {@code Content-Length} and with a weak ETag
 */
record Negotiation(Optional<Coding> coding, Headers headers) {

    /**
     * Decides for a response to {@code request}.
     *
     * @param length the body's length when known: from the body kind or {@code content-length}
     */
    static Negotiation of(Request request, int status, Headers response, OptionalLong length, Options options) {
        Optional<String> type = response.first("content-type");
        boolean varies = type.isPresent()
                && options.compressible(type.get())
                && !response.contains("content-encoding")
                && status >= 200
                && status != 204
                && status != 206
                && !response.contains("content-range")
                && !noTransform(response);
        if (!varies) {
            return new Negotiation(Optional.empty(), response);
        }
        Headers vary = withVary(response);
        boolean worthIt = status != 304
                && !request.method().equals("HEAD")
                && (length.isEmpty() || length.getAsLong() >= options.minLength());
        Optional<Coding> coding =
                worthIt ? AcceptEncoding.choose(request.headers(), options.codings()) : Optional.empty();
        if (coding.isEmpty()) {
            return new Negotiation(Optional.empty(), vary);
        }
        Headers coded = vary.without("content-length")
                .plus("content-encoding", coding.get().token());
        Optional<String> etag = coded.first("etag");
        if (etag.isPresent() && etag.get().startsWith("\"")) {
            // The coded bytes differ from the identity ones: a strong validator would lie (RFC 9110 §8.8.1).
            coded = coded.with("etag", "W/" + etag.get());
        }
        return new Negotiation(coding, coded);
    }

    private static Headers withVary(Headers headers) {
        boolean named = headers.all("vary").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .anyMatch(token -> token.equals("accept-encoding") || token.equals("*"));
        return named ? headers : headers.plus("vary", "accept-encoding");
    }

    private static boolean noTransform(Headers headers) {
        return headers.all("cache-control").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(token -> token.strip().equalsIgnoreCase("no-transform"));
    }
}
