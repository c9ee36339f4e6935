package dev.jgi.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a sync {@link Application} answers: a status, header fields, a {@link Body} and, optionally,
 * trailers.
 *
 * <p><b>Application obligations</b>
 * <ul>
 *   <li>[JGI-RESP-1] The status MUST be a final status, 200 to 599 (the constructor accepts 100 to
 *       599 so that a validator can report a 1xx by its clause).</li>
 *   <li>[JGI-RESP-4] The headers MUST NOT contain hop-by-hop fields (Connection, Keep-Alive,
 *       Proxy-Connection, TE, Transfer-Encoding, Upgrade); the server owns framing. Two are
 *       allowed: {@code connection: close}, which closes an HTTP/1.x connection after the response
 *       [JGI-FRAME-11], and {@code upgrade} on a 426 [JGI-RESP-9].</li>
 *   <li>[JGI-FRAME-5] A Content-Length header, if set, MUST equal the length of the body.</li>
 *   <li>[JGI-EXT-1] Trailers MAY be given only when the request holds
 *       {@link Capability#TRAILERS} in {@link Request#capabilities()}; the supplier is called once, after the last body byte.</li>
 *   <li>[JGI-EXT-10] The names of the trailer fields SHOULD be listed in a {@code trailer}
 *       header field.</li>
 * </ul>
 * <p><b>Server obligations</b>, for a request that holds {@link Capability#TRAILERS}
 * <ul>
 *   <li>[JGI-EXT-7] Over HTTP/1.1 a response with trailers is chunked, whatever the body's
 *       length, and carries no {@code content-length}.</li>
 *   <li>[JGI-EXT-8] Toward HTTP/1.0, for HEAD and with 204 or 304 the trailers cannot travel: the
 *       server never calls the supplier.</li>
 *   <li>[JGI-EXT-9] Trailers are sent whether or not the request carried {@code TE: trailers};
 *       an application that needs them read checks the request's {@code te} field.</li>
 * </ul>
 *
 * <p>A final class rather than a record, so that a later 1.x can add a component without breaking
 * the code that builds responses [JGI-EVO-2]: build one with a factory such as {@link #of} and
 * derive one with a wither.
 */
public final class Response {

    private final int status;
    private final Headers headers;
    private final Body body;
    private final Optional<Supplier<Headers>> trailers;

    private Response(int status, Headers headers, Body body, Optional<Supplier<Headers>> trailers) {
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.trailers = Objects.requireNonNull(trailers, "trailers");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("[JGI-RESP-1] status out of range: " + status);
        }
        this.status = status;
    }

    /** The final status code. */
    public int status() {
        return status;
    }

    /** The response header fields. */
    public Headers headers() {
        return headers;
    }

    /** The body. */
    public Body body() {
        return body;
    }

    /** Trailer fields to send after the body, if any [JGI-EXT-1]. */
    public Optional<Supplier<Headers>> trailers() {
        return trailers;
    }

    /** Responses are equal when every component is; trailer suppliers by identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Response r
                && status == r.status
                && headers.equals(r.headers)
                && body.equals(r.body)
                && trailers.equals(r.trailers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, body, trailers);
    }

    @Override
    public String toString() {
        return "Response[status=" + status + ", headers=" + headers + ", body=" + body + "]";
    }

    /** A response with this status, these fields and this body, without trailers. */
    public static Response of(int status, Headers headers, Body body) {
        return new Response(status, headers, body, Optional.empty());
    }

    /** A response with no body. */
    public static Response empty(int status) {
        return of(status, Headers.of(), Body.empty());
    }

    /** {@code text/plain} in UTF-8. */
    public static Response text(int status, String text) {
        return typed(status, "text/plain; charset=utf-8", text);
    }

    /** {@code text/html} in UTF-8. */
    public static Response html(int status, String html) {
        return typed(status, "text/html; charset=utf-8", html);
    }

    /** {@code application/json}, already serialised. */
    public static Response json(int status, String json) {
        return typed(status, "application/json", json);
    }

    /** A redirect to {@code location} (301, 302, 303, 307 or 308). */
    public static Response redirect(int status, String location) {
        return of(status, Headers.of("location", location), Body.empty());
    }

    private static Response typed(int status, String contentType, String text) {
        return of(status, Headers.of("content-type", contentType), new Body.Text(text, StandardCharsets.UTF_8));
    }

    public Response withStatus(int newStatus) {
        return new Response(newStatus, headers, body, trailers);
    }

    /** This response with every field of {@code name} replaced by one with {@code value}. */
    public Response withHeader(String name, String value) {
        return new Response(status, headers.with(name, value), body, trailers);
    }

    /** This response with one more header field, keeping existing ones of the same name. */
    public Response plusHeader(String name, String value) {
        return new Response(status, headers.plus(name, value), body, trailers);
    }

    public Response withHeaders(Headers newHeaders) {
        return new Response(status, newHeaders, body, trailers);
    }

    public Response withBody(Body newBody) {
        return new Response(status, headers, newBody, trailers);
    }

    public Response withTrailers(Supplier<Headers> supplier) {
        return new Response(status, headers, body, Optional.of(supplier));
    }
}
