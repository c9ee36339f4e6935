package dev.jgi.tck.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One response exactly as it came off the wire: header lines in order with their case, the
 * framing the server chose, the body bytes after de-chunking, and how the message ended.
 *
 * @param version  the HTTP version of the status line, for example "HTTP/1.1"
 * @param status   the status code
 * @param reason   the reason phrase, possibly empty
 * @param headers  the header lines in order, names as sent
 * @param framing  how the body was delimited
 * @param body     the body bytes (de-chunked)
 * @param end      how the body ended
 * @param trailers the trailer lines of a chunked body, in order
 * @param interim  the 1xx responses that came before this one
 */
public record RawResponse(
        String version,
        int status,
        String reason,
        List<Field> headers,
        Framing framing,
        byte[] body,
        End end,
        List<Field> trailers,
        List<RawResponse> interim) {

    /** A header or trailer line. */
    public record Field(String name, String value) {}

    /** How the body was delimited (RFC 9112 §6.3). */
    public enum Framing {
        /** No body by rule: a response to HEAD, or a 1xx, 204 or 304. */
        NONE,
        CONTENT_LENGTH,
        CHUNKED,
        /** Neither length nor chunking: the body runs until the server closes. */
        CLOSE_DELIMITED,
        /** HTTP/2 without content-length: DATA frames until END_STREAM (RFC 9113 §8.1). */
        FRAMES
    }

    /** How the message ended. */
    public enum End {
        /** The framing said the body was complete (the final chunk, or Content-Length bytes). */
        COMPLETE,
        /** The server closed the connection first. */
        CLOSED_EARLY,
        /** The server stopped sending and kept the connection open. */
        STALLED
    }

    public RawResponse {
        headers = List.copyOf(headers);
        trailers = List.copyOf(trailers);
        interim = List.copyOf(interim);
    }

    /** The first value of a header, name compared ignoring case. */
    public Optional<String> header(String name) {
        return headers.stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .map(Field::value)
                .findFirst();
    }

    /** Every value of a header, in order. */
    public List<String> headers(String name) {
        return headers.stream()
                .filter(f -> f.name().equalsIgnoreCase(name))
                .map(Field::value)
                .toList();
    }

    public boolean complete() {
        return end == End.COMPLETE;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the response asks for the connection to close. */
    public boolean announcesClose() {
        return headers("connection").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"));
    }
}
