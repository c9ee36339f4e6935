package dev.jgi.servlet.internal;

import dev.jgi.api.Headers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Trailers through Servlet's trailer API: the response's with {@code setTrailerFields}
 * [JGI-EXT-1], the request's with {@code getTrailerFields} [JGI-BODY-14].
 */
final class Trailers {

    private Trailers() {}

    /**
     * Hands the container a supplier it calls once, after the last body byte.
     *
     * @return false when the container cannot send trailers on this response (HTTP/1.0), which
     *     drops them as the spec allows only chunked HTTP/1.1 and HTTP/2 to carry them
     */
    static boolean offer(HttpServletResponse response, Supplier<Headers> trailers) {
        try {
            response.setTrailerFields(() -> asMap(trailers.get()));
            return true;
        } catch (IllegalStateException notHere) {
            return false;
        }
    }

    /**
     * The request's trailer fields once the container has them, which is after the body's end
     * ({@code isTrailerFieldsReady}); none before. Servlet's map holds one value per name, so
     * repeated fields arrive joined by the container.
     */
    static Headers received(HttpServletRequest request) {
        if (!request.isTrailerFieldsReady()) {
            return Headers.of();
        }
        Headers.Builder fields = Headers.builder();
        request.getTrailerFields()
                .forEach((name, value) -> fields.add(name.toLowerCase(java.util.Locale.ROOT), value.strip()));
        return fields.build();
    }

    /**
     * Servlet's trailer map holds one value per name, so repeated fields are joined with ", " as
     * RFC 9110 §5.3 permits for list fields (the forbidden {@code set-cookie} never appears
     * [JGI-EXT-2]).
     */
    static Map<String, String> asMap(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach(
                (name, value) -> map.merge(name.toLowerCase(java.util.Locale.ROOT), value, (a, b) -> a + ", " + b));
        return map;
    }
}
