package dev.jgi.samples.jaxrs;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** Failures as RFC 9457 problem documents. */
final class Problems {

    private Problems() {}

    /** No book has the id asked for. */
    static final class BookNotFound extends NotFoundException {
        private static final long serialVersionUID = 1L;

        BookNotFound(long id) {
            super("no book " + id);
        }
    }

    static final class NotFound implements ExceptionMapper<BookNotFound> {
        @Override
        public Response toResponse(BookNotFound missing) {
            return problem(404, "Not Found", missing.getMessage());
        }
    }

    /** A request the resources refused: its message says why. */
    static final class Invalid implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException refused) {
            return problem(400, "Bad Request", refused.getMessage());
        }
    }

    private static Response problem(int status, String title, String detail) {
        return Response.status(status)
                .type("application/problem+json")
                .entity(Map.of("status", status, "title", title, "detail", detail))
                .build();
    }
}
