package dev.jgi.servlet.internal;

import dev.jgi.api.Headers;
import jakarta.servlet.http.HttpServletResponse;

/** Copies the head an application gave, checked by the kernel's {@code ResponseHead}, onto the servlet response. */
final class ResponseHeads {

    private ResponseHeads() {}

    /** Copies status and fields in order [JGI-RESP-6]; content-length is the framing code's. */
    static void apply(int status, Headers headers, HttpServletResponse response) {
        response.setStatus(status);
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                response.addHeader(name, value);
            }
        });
    }
}
