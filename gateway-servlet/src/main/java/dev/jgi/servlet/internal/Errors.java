package dev.jgi.servlet.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The answers the bridge gives itself when an exchange fails. */
public final class Errors {

    private Errors() {}

    /**
     * Replaces whatever was buffered with a plain status response, naming no detail of the failure
     * [JGI-ERR-1]. The response must not be committed.
     *
     * @return the body bytes written, or -1 when the client was gone or the body could not be written
     */
    public static long send(HttpServletResponse response, int status) {
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        byte[] body = (status + " " + reason(status) + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
            response.getOutputStream().close();
            return body.length;
        } catch (IOException | IllegalStateException gone) {
            // The client left or the body was claimed as a writer; the status is all that matters.
            return -1;
        }
    }

    /**
     * The exception to throw from the servlet after commit: containers answer it by closing the
     * connection without ending the body, which is the abort the client must see [JGI-ERR-2].
     */
    public static ServletException abort(Throwable failure) {
        return new Aborted(failure);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 413 -> "Content Too Large";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }

    private static final class Aborted extends ServletException {
        private static final long serialVersionUID = 1L;

        Aborted(Throwable cause) {
            super("[JGI-ERR-2] exchange aborted after commit", cause);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
