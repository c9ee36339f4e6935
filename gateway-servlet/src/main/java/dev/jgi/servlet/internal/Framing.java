package dev.jgi.servlet.internal;

import dev.jgi.api.Request;
import jakarta.servlet.http.HttpServletResponse;

/** The framing the bridge asks of the container where containers choose differently. */
public final class Framing {

    private Framing() {}

    /** Whether the container needs the coding named to chunk a closing response: Jetty does. */
    public static boolean namesCoding(String serverInfo) {
        return serverInfo.toLowerCase(java.util.Locale.ROOT).contains("jetty");
    }

    /**
     * A body of unknown length travels chunked to an HTTP/1.1 client [JGI-FRAME-3], also when the
     * connection closes after it: only then can the client tell an aborted body from a complete
     * one [JGI-ERR-2]. Jetty would otherwise close-delimit such a body when the request said
     * {@code Connection: close}; naming the coding makes it chunk. Tomcat chunks anyway and would
     * send a named coding twice, so only Jetty is told.
     */
    static void chunkedToHttp11(Request head, HttpServletResponse response, boolean namesCoding) {
        if (namesCoding && head.version().equals("HTTP/1.1") && !response.containsHeader("content-length")) {
            response.setHeader("transfer-encoding", "chunked");
        }
    }
}
