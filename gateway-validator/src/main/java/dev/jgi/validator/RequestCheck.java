package dev.jgi.validator;

import dev.jgi.api.Capability;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the server must have put in a {@link Request}; the record's constructor checks the rest. */
final class RequestCheck {

    private static final Set<String> VERSIONS = Set.of("HTTP/1.0", "HTTP/1.1", "HTTP/2");

    private RequestCheck() {}

    /**
     * Checks what the server put in the request and reports each violation.
     *
     * @return whether the request is whole enough to serve (no null component)
     */
    static boolean check(Request request, Optional<ServerInfo> info, Reporter reporter) {
        if (request == null) {
            reporter.report(Violation.byServer("JGI-APP-1", "handle was called with no request"));
            return false;
        }
        // Every component is checked, so that each missing one is reported, not only the first.
        boolean whole = !List.of(
                        notNull(request.target(), "JGI-REQ-4", "target", reporter),
                        notNull(request.headers(), "JGI-HDR-1", "headers", reporter),
                        notNull(request.client(), "JGI-REQ-5", "client", reporter),
                        notNull(request.server(), "JGI-REQ-5", "server", reporter),
                        notNull(request.tls(), "JGI-REQ-6", "tls", reporter),
                        notNull(request.kind(), "JGI-REQ-9", "kind", reporter))
                .contains(false);
        if (!VERSIONS.contains(request.version())) {
            reporter.report(Violation.byServer("JGI-REQ-3", "version is " + request.version()));
        }
        if (!whole) {
            return false;
        }
        request.headers().forEach((name, value) -> {
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                reporter.report(Violation.byServer("JGI-HDR-1", "header name " + name + " is not lower case"));
            }
        });
        if (request.tls().isPresent() && !request.scheme().equals("https")) {
            reporter.report(Violation.byServer("JGI-REQ-2", "a request over TLS has scheme " + request.scheme()));
        }
        if (request.kind() == Request.Kind.WEBSOCKET
                && info.isPresent()
                && !request.capabilities().contains(Capability.WEBSOCKET)) {
            reporter.report(Violation.byServer("JGI-CAP-2", "a WebSocket handshake on a request that lacks WEBSOCKET"));
        }
        if (info.isPresent() && !info.get().capabilities().containsAll(request.capabilities())) {
            reporter.report(Violation.byServer(
                    "JGI-CAP-6",
                    "the request holds " + request.capabilities() + ", beyond the declared "
                            + info.get().capabilities()));
        }
        return true;
    }

    private static boolean notNull(Object component, String clause, String name, Reporter reporter) {
        if (component == null) {
            reporter.report(Violation.byServer(clause, "the request's " + name + " is null"));
            return false;
        }
        return true;
    }
}
