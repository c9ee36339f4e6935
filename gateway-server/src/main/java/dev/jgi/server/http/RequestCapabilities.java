package dev.jgi.server.http;

import dev.jgi.api.Capability;
import dev.jgi.kernel.request.HeldCapabilities;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the declared capabilities this server honours on one request [JGI-CAP-6]. Undertow
 * decides what a transport can carry, so the answer depends on the request's protocol and on TLS.
 */
final class RequestCapabilities {

    /** The four answers, indexed by {@link #index}: computed once, so a request allocates none. */
    private final List<Set<Capability>> held;

    /** @param declared the capabilities of {@code ServerInfo} [JGI-CAP-1] */
    RequestCapabilities(Set<Capability> declared) {
        held = List.of(
                of(declared, false, false),
                of(declared, false, true),
                of(declared, true, false),
                of(declared, true, true));
    }

    /** What a request over HTTP/2 or not, on TLS or not, holds. */
    Set<Capability> held(boolean http2, boolean tls) {
        return held.get(index(http2, tls));
    }

    private static int index(boolean http2, boolean tls) {
        return (http2 ? 2 : 0) + (tls ? 1 : 0);
    }

    /**
     * The declared capabilities without those the request's transport cannot carry: over HTTP/2 no
     * {@code 103} (Undertow ends the stream on every interim HEADERS frame but {@code 100}, see
     * {@link Interim}) and no WebSocket (no RFC 8441 extended CONNECT); over TLS and HTTP/2 no
     * zero-copy file sending, since the TLS engine and the DATA framing copy every byte.
     *
     * @param declared the capabilities of {@code ServerInfo} [JGI-CAP-1]
     * @param http2    whether the request came over HTTP/2
     * @param tls      whether its connection uses TLS
     */
    static Set<Capability> of(Set<Capability> declared, boolean http2, boolean tls) {
        Set<Capability> absent = EnumSet.noneOf(Capability.class);
        if (http2) {
            absent.add(Capability.EARLY_HINTS);
            absent.add(Capability.WEBSOCKET);
        }
        if (http2 || tls) {
            absent.add(Capability.FILE_SENDING);
        }
        return HeldCapabilities.of(declared, absent);
    }
}
