package dev.jgi.server.http;

import dev.jgi.api.Headers;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.util.Locale;

/** Trailer sections between Undertow's {@link HeaderMap} and JGI's {@link Headers}. */
final class TrailerFields {

    private TrailerFields() {}

    /** A request's trailers as an application sees them, names in lower case [JGI-BODY-14]. */
    static Headers of(HeaderMap received) {
        if (received == null || received.size() == 0) {
            return Headers.of();
        }
        Headers.Builder fields = Headers.builder();
        for (HeaderValues values : received) {
            String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
            for (String value : values) {
                fields.add(name, value.strip());
            }
        }
        return fields.build();
    }

    /** A response's trailers as Undertow writes them into the last chunk or a HEADERS frame. */
    static HeaderMap toMap(Headers trailers) {
        HeaderMap map = new HeaderMap();
        trailers.forEach((name, value) -> map.add(HttpString.tryFromString(name), value));
        return map;
    }
}
