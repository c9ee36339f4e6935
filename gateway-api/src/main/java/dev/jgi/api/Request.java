package dev.jgi.api;

import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The head of one request, as a value: everything the server knows before the body. The body
 * reaches a sync application through {@link Exchange#body()} and an async one as
 * {@link Event.RequestBody} events.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-REQ-1] {@code method} is the request method exactly as received (case-sensitive).</li>
 *   <li>[JGI-REQ-2] {@code scheme} is {@code "http"} or {@code "https"}: the scheme of the
 *       connection, or the one a trusted proxy reported [JGI-PROXY-1].</li>
 *   <li>[JGI-REQ-3] {@code version} is {@code "HTTP/1.0"}, {@code "HTTP/1.1"} or
 *       {@code "HTTP/2"}.</li>
 *   <li>[JGI-REQ-5] {@code client} and {@code server} are the peer and local addresses of the
 *       connection (an {@link java.net.InetSocketAddress} over TCP, a
 *       {@link java.net.UnixDomainSocketAddress} over a Unix socket), or the client a trusted
 *       proxy reported.</li>
 *   <li>[JGI-REQ-6] {@code tls} is present exactly when the connection to the server uses TLS.</li>
 *   <li>[JGI-REQ-7] {@code state} is the map the application returned from
 *       {@link Lifespan#start}, the same for every request.</li>
 *   <li>[JGI-REQ-8] {@code extensions} holds server-specific values under reverse-DNS keys
 *       ({@code "io.undertow.exchange"}); an application that uses one is not portable.</li>
 *   <li>[JGI-REQ-9] {@code kind} is {@link Kind#WEBSOCKET} only for a WebSocket handshake on a
 *       server that declares {@link Capability#WEBSOCKET}: a {@code WebSocketConnect} for an
 *       {@link AsyncApplication}, an {@link Exchange#webSocket()} for a sync one.</li>
 * </ul>
 *
 * @param method     the request method
 * @param scheme     "http" or "https"
 * @param version    the HTTP version
 * @param target     the request target and its mount split
 * @param headers    the request header fields, names in lower case [JGI-HDR-1]
 * @param client     the client's address
 * @param server     the server's address
 * @param tls        the TLS session, when there is one
 * @param state      the application's lifespan state
 * @param extensions server-specific values
 * @param kind       plain HTTP, or a WebSocket handshake
 */
public record Request(
        String method,
        String scheme,
        String version,
        RequestTarget target,
        Headers headers,
        SocketAddress client,
        SocketAddress server,
        Optional<Tls> tls,
        Map<String, Object> state,
        Map<String, Object> extensions,
        Kind kind) {

    /** What the request asks for. */
    public enum Kind {
        /** An HTTP request, answered with one response. */
        HTTP,
        /** A WebSocket handshake, answered by accepting or denying it [JGI-WS-1]. */
        WEBSOCKET
    }

    /**
     * The TLS session of the connection [JGI-TLS-2].
     *
     * @param protocol           for example "TLSv1.3"
     * @param cipherSuite        for example "TLS_AES_128_GCM_SHA256"
     * @param peerCertificates   the client's certificate chain, empty unless the client sent one
     * @param serverName         the SNI host name the client asked for, if it sent one
     */
    public record Tls(
            String protocol, String cipherSuite, List<Certificate> peerCertificates, Optional<String> serverName) {
        public Tls {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(cipherSuite, "cipherSuite");
            Objects.requireNonNull(peerCertificates, "peerCertificates");
            Objects.requireNonNull(serverName, "serverName");
            peerCertificates = List.copyOf(peerCertificates);
        }
    }

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(extensions, "extensions");
        if (method.isEmpty() || !method.chars().allMatch(c -> Headers.isTokenChar((char) c))) {
            throw new IllegalArgumentException("[JGI-REQ-1] method is not a token: " + method);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("[JGI-REQ-2] scheme must be http or https: " + scheme);
        }
        state = Map.copyOf(state);
        extensions = Map.copyOf(extensions);
    }

    /** The decoded path inside the mount: shorthand for {@code target().path()}. */
    public String path() {
        return target.path();
    }

    /**
     * The length of the request body when it is known before reading it [JGI-BODY-13]: the
     * {@code content-length} of a request without {@code transfer-encoding} (HTTP/1.x, or the
     * HTTP/2 field), and 0 for an HTTP/1.x request with neither field (RFC 9112 §6.3). Empty for a
     * chunked body and for an HTTP/2 request without {@code content-length}.
     */
    public OptionalLong bodyLength() {
        if (headers.first("transfer-encoding").isPresent()) {
            return OptionalLong.empty();
        }
        Optional<String> length = headers.first("content-length");
        if (length.isEmpty()) {
            return version.startsWith("HTTP/1.") ? OptionalLong.of(0) : OptionalLong.empty();
        }
        String digits = length.get();
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /** The first value of a request header: shorthand for {@code headers().first(name)}. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** This request aimed at another target, for middleware that re-mounts [JGI-MW-2]. */
    public Request withTarget(RequestTarget newTarget) {
        return new Request(method, scheme, version, newTarget, headers, client, server, tls, state, extensions, kind);
    }

    /** This request with other headers, for middleware. */
    public Request withHeaders(Headers newHeaders) {
        return new Request(method, scheme, version, target, newHeaders, client, server, tls, state, extensions, kind);
    }

    /** This request with one more state entry, for middleware that hands values inward. */
    public Request withState(String key, Object value) {
        Map<String, Object> grown = new HashMap<>(state);
        grown.put(key, value);
        return new Request(method, scheme, version, target, headers, client, server, tls, grown, extensions, kind);
    }
}
