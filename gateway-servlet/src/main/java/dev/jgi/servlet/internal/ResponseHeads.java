package dev.jgi.servlet.internal;

import dev.jgi.api.Headers;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** Checks the head an application gave and copies it onto the servlet response. */
final class ResponseHeads {

    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade");

    private ResponseHeads() {}

    /**
     * The application's {@code content-length}, if it set one.
     *
     * @throws InvalidResponse for a non-final status [JGI-ERR-4], a hop-by-hop field [JGI-RESP-5]
     *     or a malformed {@code content-length}
     */
    static OptionalLong check(int status, Headers headers) throws InvalidResponse {
        if (status < 200) {
            throw new InvalidResponse("[JGI-ERR-4] " + status + " is not a final status (JGI-RESP-1)");
        }
        for (Headers.Field field : headers) {
            if (HOP_BY_HOP.contains(field.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new InvalidResponse("[JGI-RESP-5] the response carries the hop-by-hop field " + field.name());
            }
        }
        List<String> lengths = headers.all("content-length");
        if (lengths.isEmpty()) {
            return OptionalLong.empty();
        }
        String first = lengths.getFirst();
        if (first.isEmpty()
                || !first.chars().allMatch(c -> c >= '0' && c <= '9')
                || first.length() > 18
                || lengths.stream().anyMatch(other -> !other.equals(first))) {
            throw new InvalidResponse("[JGI-ERR-4] invalid content-length " + lengths);
        }
        return OptionalLong.of(Long.parseLong(first));
    }

    /** Copies status and fields in order [JGI-RESP-6]; content-length is the framing code's. */
    static void apply(int status, Headers headers, HttpServletResponse response) {
        response.setStatus(status);
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                response.addHeader(name, value);
            }
        });
    }

    /** A response the application gave that breaks the spec, to be answered 500. */
    static final class InvalidResponse extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidResponse(String message) {
            super(message);
        }
    }
}
