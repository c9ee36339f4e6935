package dev.jgi.server.http;

import dev.jgi.api.Headers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The bodies of the responses the server sends on its own behalf. In production they say only the
 * status and a reason the server wrote itself; in development mode a failure's stack trace is shown
 * too [JGI-ERR-1].
 */
final class ErrorPages {

    private final boolean dev;
    private final dev.jgi.server.observe.ServerObserver observer;

    ErrorPages(boolean dev, dev.jgi.server.observe.ServerObserver observer) {
        this.dev = dev;
        this.observer = observer;
    }

    void send(Transport transport, int status, String reason, Throwable failure) {
        send(transport, status, reason, failure, Headers.of());
    }

    void send(Transport transport, int status, String reason, Throwable failure, Headers extra) {
        observer.serverAnswered(status);
        if (dev && failure != null) {
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + status + " " + escape(reason)
                    + "</title></head><body><h1>" + status + " " + escape(reason) + "</h1><p>Request "
                    + escape(transport.requestId) + " failed (shown because the server runs with --dev).</p><pre>"
                    + escape(trace.toString()) + "</pre></body></html>";
            transport.respond(status, plus(extra, "content-type", "text/html; charset=utf-8"), utf8(html));
        } else {
            transport.respond(
                    status,
                    plus(extra, "content-type", "text/plain; charset=utf-8"),
                    utf8(status + " " + reason + "\n"));
        }
    }

    private static Headers plus(Headers headers, String name, String value) {
        return headers.plus(name, value);
    }

    private static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
