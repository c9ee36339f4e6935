package dev.jgi.server.http;

import dev.jgi.api.Headers;
import dev.jgi.api.RequestTarget;

/**
 * What the server decides about a request head before any application code runs: the first step of
 * the request path, on the I/O thread. The handler switches over it, so a new outcome cannot be
 * forgotten.
 */
sealed interface Admission {

    /**
     * The server refuses the request with an error status, without calling the application.
     *
     * @param status the error status: 400, 404, 413, 414, 431 or 501
     * @param reason why, naming the clause; sent in the body and logged
     */
    record Refused(int status, String reason) implements Admission {

        /** The body text: the reason phrase, then the reason. */
        String message() {
            return phrase() + ": " + reason;
        }

        /**
         * Whether the connection closes after the answer: a malformed or oversized head leaves the
         * framing of what follows in doubt; a well-formed request outside the mount does not.
         */
        boolean closesConnection() {
            return status != 404;
        }

        private String phrase() {
            return switch (status) {
                case 400 -> "Bad Request";
                case 404 -> "Not Found";
                case 408 -> "Request Timeout";
                case 413 -> "Content Too Large";
                case 414 -> "URI Too Long";
                case 431 -> "Request Header Fields Too Large";
                case 501 -> "Not Implemented";
                default -> "Error";
            };
        }
    }

    /**
     * The server answers the request itself, successfully: {@code OPTIONS *} [JGI-REQ-10].
     *
     * @param status  the status
     * @param headers the header fields; the answer has no body
     */
    record Answered(int status, Headers headers) implements Admission {}

    /**
     * The request goes to the application.
     *
     * @param target the request target, split at the mount [JGI-PATH-3]
     */
    record Admitted(RequestTarget target) implements Admission {}
}
