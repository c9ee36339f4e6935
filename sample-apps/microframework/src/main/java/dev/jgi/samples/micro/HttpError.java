package dev.jgi.samples.micro;

/**
 * A failure that has an HTTP status: thrown by handlers and request helpers, answered by the
 * {@link Router} with the status and the message as plain text (never a stack trace).
 */
public final class HttpError extends RuntimeException {

    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HTTP error has a 4xx or 5xx status: " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError notFound() {
        return new HttpError(404, "not found");
    }

    public static HttpError forbidden(String message) {
        return new HttpError(403, message);
    }
}
