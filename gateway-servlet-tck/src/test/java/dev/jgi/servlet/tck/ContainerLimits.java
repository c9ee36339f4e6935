package dev.jgi.servlet.tck;

import java.util.Map;

/**
 * The MUST clauses the bridge cannot meet on a container, with the reason. Each entry is a
 * container's or the Servlet API's limit, reported to the spec's editors; the TCK's tests stay as
 * they are.
 */
final class ContainerLimits {

    private static final String HEADER_ORDER = "the Servlet API hands request fields grouped by name "
            + "(getHeaderNames, then getHeaders), so `a: 1, b: 2, a: 3` reaches the application as `a: 1, a: 3, b: 2`; "
            + "the order within one name is kept. No portable servlet call gives the interleaved order.";
    private static final String ABSOLUTE_FORM = "the container answers 400 itself for an absolute-form target whose "
            + "authority differs from the Host field, before the servlet runs; and the Servlet API exposes only the "
            + "origin-form path (getRequestURI), so the raw absolute-form target is not available either.";

    private ContainerLimits() {
    }

    static Map<String, String> of(String server) {
        return switch (server) {
            case "jetty" -> Map.of(
                    "JGI-HDR-2", HEADER_ORDER,
                    "JGI-PATH-10", ABSOLUTE_FORM);
            case "tomcat" -> Map.of(
                    "JGI-HDR-2", HEADER_ORDER,
                    "JGI-PATH-10", ABSOLUTE_FORM,
                    "JGI-HDR-6", "Tomcat replaces an obsolete line folding with spaces, which RFC 9112 §5.2 allows "
                            + "as the alternative to 400; it has no setting to reject it.",
                    "JGI-BODY-7", "Tomcat processes a request with both Content-Length and Transfer-Encoding by the "
                            + "transfer coding alone and closes the connection afterwards, as RFC 9112 §6.1 allows; it "
                            + "has no setting to answer 400.",
                    "JGI-BODY-9", "for an async application only: after a malformed chunk Tomcat suspends the response "
                            + "with its own 400 and raises an error on the async context; whether it then sends the 400 "
                            + "or closes the connection without a response depends on which of its error handling and "
                            + "the bridge's dispatch runs first. The client never sees the application's answer "
                            + "(AsyncBridgeTest checks: 400 or a closed connection). The sync path answers 400.",
                    "JGI-LIM-1", "Tomcat answers a request line over maxHttpRequestHeaderSize with 400, not 414, "
                            + "before the servlet runs.",
                    "JGI-LIM-2", "Tomcat answers header fields over maxHttpRequestHeaderSize with 400, not 431, "
                            + "before the servlet runs.",
                    "JGI-LIM-5", "follows from JGI-LIM-1: the connection survives and other connections are "
                            + "unaffected, but the status is 400.");
            default -> Map.of();
        };
    }
}
