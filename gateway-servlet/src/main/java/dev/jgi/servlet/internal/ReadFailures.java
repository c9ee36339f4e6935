package dev.jgi.servlet.internal;

/** Tells a request body the client framed badly from a client that went away. */
final class ReadFailures {

    private ReadFailures() {}

    /**
     * Whether the container refused the body's framing (a malformed chunk) [JGI-BODY-9]. The
     * Servlet API reports both cases as an {@link java.io.IOException}; the containers' own types
     * tell them apart: Tomcat's {@code BadRequestException}, Jetty's {@code BadMessageException}.
     */
    static boolean malformed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("BadRequestException") || name.equals("BadMessageException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
