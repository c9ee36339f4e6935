package dev.jgi.server.http;

import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.kernel.target.TargetParser;
import dev.jgi.kernel.target.TargetRefusal;
import dev.jgi.server.proxy.Forwarded;
import dev.jgi.server.proxy.TrustedProxies;
import dev.jgi.server.tls.TlsSessions;
import dev.jgi.server.unix.UnixSocketRelay;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.SSLSessionInfo;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import io.undertow.util.Protocols;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns Undertow's parsed request head into a JGI {@link Request}, on the I/O thread. */
final class RequestMapper {

    private final String mountPath;
    private final TrustedProxies proxies;
    private final RequestCapabilities capabilities;

    /** @param declared the capabilities the server declared, narrowed per request [JGI-CAP-6] */
    RequestMapper(String mountPath, TrustedProxies proxies, Set<Capability> declared) {
        this.mountPath = mountPath;
        this.proxies = proxies;
        this.capabilities = new RequestCapabilities(declared);
    }

    /**
     * The request target rebuilt from Undertow's parsed path and query, which lose a lone "?": the
     * handler prefers the raw head of HTTP/1.1 and the {@code :path} of HTTP/2 [JGI-REQ-4].
     */
    static String rawTarget(HttpServerExchange exchange) {
        String query = exchange.getQueryString();
        String uri = exchange.getRequestURI();
        return query.isEmpty() ? uri : uri + '?' + query;
    }

    /** The target split at the mount [JGI-PATH-3]; refused for a bad path or one outside the mount. */
    Admission target(String raw) {
        try {
            return new Admission.Admitted(TargetParser.parse(raw, mountPath));
        } catch (TargetRefusal refused) {
            return new Admission.Refused(refused.status(), refused.getMessage());
        }
    }

    Request request(
            HttpServerExchange exchange,
            RequestTarget target,
            Map<String, Object> state,
            String requestId,
            HeadInfo raw) {
        InetSocketAddress peer = exchange.getSourceAddress();
        HeaderMap parsed = exchange.getRequestHeaders();
        Headers head = raw == null ? null : inArrivalOrder(parsed, raw);
        if (head == null) {
            head = inMapOrder(parsed);
        }
        String pseudoAuthority = parsed.getFirst(":authority");
        if (pseudoAuthority != null && !head.contains("host")) {
            // [JGI-H2-1] pseudo-header fields are no header fields; :authority is the host.
            head = head.plus("host", pseudoAuthority);
        }
        String authority = TargetParser.authority(target.raw()).orElse(null);
        if (authority != null && !authority.equals(head.first("host").orElse(null))) {
            head = head.with("host", authority);
        }
        SSLSessionInfo ssl = exchange.getConnection().getSslSessionInfo();
        String scheme = ssl != null ? "https" : "http";
        SocketAddress client = peer;
        SocketAddress server = exchange.getDestinationAddress();
        Optional<UnixSocketRelay.UnixPeer> unix = UnixSocketRelay.peerOf(peer);
        if (unix.isPresent()) {
            client = unix.get().client();
            server = unix.get().server();
        }
        if (peer != null
                && (head.contains("forwarded")
                        || head.contains("x-forwarded-for")
                        || head.contains("x-forwarded-proto")
                        || head.contains("x-forwarded-host"))) {
            Forwarded forwarded = Forwarded.from(
                    peer.getAddress(),
                    proxies,
                    head.all("forwarded"),
                    head.all("x-forwarded-for"),
                    head.first("x-forwarded-proto").orElse(null),
                    head.first("x-forwarded-host").orElse(null));
            client = forwarded.client().<SocketAddress>map(a -> a).orElse(client);
            scheme = forwarded.scheme().orElse(scheme);
            if (forwarded.host().isPresent() && isValidHost(forwarded.host().get())) {
                head = head.with("host", forwarded.host().get());
            }
        }
        return Request.builder()
                .method(exchange.getRequestMethod().toString())
                .scheme(scheme)
                .version(version(exchange.getProtocol()))
                .target(target)
                .headers(head)
                .client(client)
                .server(server)
                .tls(TlsSessions.of(exchange))
                .state(state)
                .extensions(Map.of("io.undertow.exchange", exchange, "dev.jgi.request-id", requestId))
                .capabilities(capabilities.held(Protocols.HTTP_2_0.equals(exchange.getProtocol()), ssl != null))
                .build();
    }

    /**
     * The fields as they arrived: order [JGI-HDR-2] and exact values [JGI-HDR-8] from the raw head;
     * null when the head had an invalid field or its field count disagrees with Undertow's, and
     * the caller falls back to Undertow's (hash-ordered, whitespace-collapsed) view.
     */
    private static Headers inArrivalOrder(HeaderMap map, HeadInfo raw) {
        if (raw.fields() == null) {
            return null;
        }
        int fields = 0;
        for (long cookie = map.fastIterateNonEmpty(); cookie != -1L; cookie = map.fiNextNonEmpty(cookie)) {
            fields += map.fiCurrent(cookie).size();
        }
        return raw.fields().size() == fields ? raw.fields() : null;
    }

    /** Undertow's view of the fields, in its map's order, without HTTP/2's pseudo-header fields. */
    private static Headers inMapOrder(HeaderMap map) {
        Headers.Builder headers = Headers.builder();
        for (long cookie = map.fastIterateNonEmpty(); cookie != -1L; cookie = map.fiNextNonEmpty(cookie)) {
            HeaderValues values = map.fiCurrent(cookie);
            String name = FieldNames.lowerCase(values.getHeaderName().toString());
            if (name.startsWith(":")) {
                continue;
            }
            for (int i = 0; i < values.size(); i++) {
                headers.add(name, values.get(i).strip());
            }
        }
        return headers.build();
    }

    private static boolean isValidHost(String host) {
        return !host.isEmpty() && HostSyntax.isValid(host);
    }

    /**
     * [JGI-REQ-3] The version the request was received with. A higher minor version of HTTP/1 is
     * served as HTTP/1.1 (RFC 9112 §2.3); another major version on an HTTP/1.x connection was
     * answered 505 before the application [JGI-REQ-11], so only HTTP/2 remains.
     */
    static String version(HttpString protocol) {
        if (protocol.equals(Protocols.HTTP_1_0)) {
            return "HTTP/1.0";
        }
        if (protocol.toString().startsWith("HTTP/1.")) {
            return "HTTP/1.1";
        }
        if (protocol.equals(Protocols.HTTP_2_0)) {
            return "HTTP/2";
        }
        throw new IllegalStateException("[JGI-REQ-11] a request of " + protocol + " reached the application");
    }
}
