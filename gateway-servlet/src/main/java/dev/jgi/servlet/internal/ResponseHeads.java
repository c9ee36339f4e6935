package dev.jgi.servlet.internal;

import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.kernel.response.ResponseHead;
import jakarta.servlet.http.HttpServletResponse;

/** Copies the head an application gave, checked by the kernel's {@code ResponseHead}, onto the servlet response. */
final class ResponseHeads {

    private ResponseHeads() {}

    /**
     * Copies status and the fields the kernel makes sendable, in order [JGI-RESP-6]; content-length
     * is the framing code's. An application's {@code connection: close} becomes the container's:
     * Jetty and Tomcat both end an HTTP/1.x connection whose response says so [JGI-FRAME-11].
     */
    static void apply(Request head, int status, Headers headers, HttpServletResponse response) {
        response.setStatus(status);
        ResponseHead.sendable(head.version(), status, headers).forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                response.addHeader(name, value);
            }
        });
        if (head.version().startsWith("HTTP/1.") && ResponseHead.asksToClose(headers)) {
            response.setHeader("connection", "close");
        }
    }
}
