package dev.jgi.server.http;

import dev.jgi.api.Headers;
import dev.jgi.kernel.response.TrailerFraming;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpAttachments;

/**
 * The trailers of one response: announced by the application before commit [JGI-EXT-7], found at
 * commit to travel or not [JGI-EXT-8], given after the body. I/O thread only, like its
 * {@link Transport}.
 */
final class ResponseTrailers {

    private boolean announced;
    /** Announced trailers travel on the committed response. */
    private boolean travel;
    /** The trailers once given, null until then. */
    private Headers given;

    /** The application will give trailers; before commit. */
    void announce() {
        announced = true;
    }

    /**
     * At commit: whether announced trailers travel on this response. If they do, Undertow asks for
     * them as it ends the body: in the last chunk over HTTP/1.1, a HEADERS frame over HTTP/2.
     */
    boolean travel(HttpServerExchange exchange, String version, String method, int status) {
        travel = announced && TrailerFraming.travel(version, method, status);
        if (travel) {
            exchange.putAttachment(HttpAttachments.RESPONSE_TRAILER_SUPPLIER, () -> TrailerFields.toMap(given));
        }
        return travel;
    }

    /** Whether the committed response still waits for its trailers before it ends. */
    boolean awaited() {
        return travel && given == null;
    }

    /**
     * Takes the trailers; false when over {@link TrailerFraming#MAX_TRAILER_BYTES}, and an empty
     * section is taken instead, so that a response that waits for them can still end.
     */
    boolean take(Headers trailers) {
        if (TrailerFraming.size(trailers) > TrailerFraming.MAX_TRAILER_BYTES) {
            given = Headers.of();
            return false;
        }
        given = trailers;
        return true;
    }
}
