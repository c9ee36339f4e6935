package dev.jgi.api;

import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The head of one request, as a value: everything the server knows before the body. The body
 * reaches a sync application through {@link Exchange#body()} and an async one as
 * {@link Event.RequestBody} events.
 *
 * <p>A final class rather than a record, so that a later 1.x can add a component without breaking
 * the servers that build requests [JGI-EVO-2]: build one with {@link #builder()}, derive one with
 * {@link #toBuilder()} or a wither.
 *
 * <p><b>Server obligations</b>
 * <ul>
 *   <li>[JGI-REQ-1] {@code method} is the request method exactly as received (case-sensitive).</li>
 *   <li>[JGI-REQ-2] {@code scheme} is {@code "http"} or {@code "https"}: the scheme of the
 *       connection, or the one a trusted proxy reported [JGI-PROXY-1].</li>
 *   <li>[JGI-REQ-3] {@code version} is {@code "HTTP/"} and the protocol's version as received:
 *       {@code "HTTP/1.0"}, {@code "HTTP/1.1"} or {@code "HTTP/2"} in 1.0; a later protocol adds
 *       its own value, so an application treats an unknown one as a newer protocol.</li>
 *   <li>[JGI-REQ-5] {@code client} and {@code server} are the peer and local addresses of the
 *       connection (an {@link java.net.InetSocketAddress} over TCP, a
 *       {@link java.net.UnixDomainSocketAddress} over a Unix socket), or the client a trusted
 *       proxy reported.</li>
 *   <li>[JGI-REQ-6] {@code tls} is present exactly when the connection to the server uses TLS.</li>
 *   <li>[JGI-REQ-7] {@code state} is the map object the application returned from
 *       {@link Lifespan#start}, the same object for every request, never a copy.</li>
 *   <li>[JGI-REQ-13] {@code attributes} is empty when the server hands the request to the
 *       application; only middleware adds to it [JGI-MW-4].</li>
 *   <li>[JGI-REQ-8] {@code extensions} holds server-specific values under reverse-DNS keys
 *       ({@code "io.undertow.exchange"}); an application that uses one is not portable.</li>
 *   <li>[JGI-REQ-9] {@code kind} is {@link Kind#WEBSOCKET} only for a WebSocket handshake on a
 *       server that declares {@link Capability#WEBSOCKET}: a {@code WebSocketConnect} for an
 *       {@link AsyncApplication}, an {@link Exchange#webSocket()} for a sync one.</li>
 *   <li>[JGI-CAP-6] {@code capabilities} is the subset of {@link ServerInfo#capabilities()} the
 *       server honours on this request: it leaves out a declared capability it cannot honour on
 *       the request's protocol or connection (such as {@link Capability#EARLY_HINTS} over a
 *       transport that cannot send a {@code 103}).</li>
 * </ul>
 */
public final class Request {

    /** What the request asks for. */
    public enum Kind {
        /** An HTTP request, answered with one response. */
        HTTP,
        /** A WebSocket handshake, answered by accepting or denying it [JGI-WS-1]. */
        WEBSOCKET
    }

    /**
     * The TLS session of the connection [JGI-TLS-2]. Its components are frozen for 1.x
     * [JGI-EVO-2]: a later fact about the session comes as a new accessor of {@link Request}.
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

    private final String method;
    private final String scheme;
    private final String version;
    private final RequestTarget target;
    private final Headers headers;
    private final SocketAddress client;
    private final SocketAddress server;
    private final Optional<Tls> tls;
    private final Map<String, Object> state;
    private final Map<String, Object> attributes;
    private final Map<String, Object> extensions;
    private final Kind kind;
    private final Set<Capability> capabilities;

    private Request(Builder b) {
        method = Objects.requireNonNull(b.method, "method");
        scheme = Objects.requireNonNull(b.scheme, "scheme");
        version = Objects.requireNonNull(b.version, "version");
        target = Objects.requireNonNull(b.target, "target");
        headers = Objects.requireNonNull(b.headers, "headers");
        client = Objects.requireNonNull(b.client, "client");
        server = Objects.requireNonNull(b.server, "server");
        tls = b.tls;
        // Kept as the very object start returned: one map shared by every request [JGI-REQ-7].
        state = b.state;
        attributes = Map.copyOf(b.attributes);
        extensions = Map.copyOf(b.extensions);
        kind = b.kind;
        capabilities = Set.copyOf(b.capabilities);
        if (!Headers.isToken(method)) {
            throw new IllegalArgumentException("[JGI-REQ-1] method is not a token: " + method);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("[JGI-REQ-2] scheme must be http or https: " + scheme);
        }
    }

    /**
     * A builder with no components set but these defaults: no TLS, empty state, attributes,
     * extensions and capabilities, kind {@link Kind#HTTP}. {@code method}, {@code scheme},
     * {@code version}, {@code target}, {@code headers}, {@code client} and {@code server} must be
     * set. A server also sets {@code capabilities} [JGI-CAP-6]: a request built without a server
     * (in a test) honours no capability, while one derived by {@link #toBuilder()} or a wither
     * keeps its server's, so middleware never loses a feature by rebuilding a request.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every component of this request. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.scheme = scheme;
        b.version = version;
        b.target = target;
        b.headers = headers;
        b.client = client;
        b.server = server;
        b.tls = tls;
        b.state = state;
        b.attributes = attributes;
        b.extensions = extensions;
        b.kind = kind;
        b.capabilities = capabilities;
        return b;
    }

    /** The request method. */
    public String method() {
        return method;
    }

    /** "http" or "https". */
    public String scheme() {
        return scheme;
    }

    /** The HTTP version. */
    public String version() {
        return version;
    }

    /** The request target and its mount split. */
    public RequestTarget target() {
        return target;
    }

    /** The request header fields, names in lower case [JGI-HDR-1]. */
    public Headers headers() {
        return headers;
    }

    /** The client's address. */
    public SocketAddress client() {
        return client;
    }

    /** The server's address. */
    public SocketAddress server() {
        return server;
    }

    /** The TLS session, when there is one. */
    public Optional<Tls> tls() {
        return tls;
    }

    /**
     * The application's lifespan state: the map {@link Lifespan#start} returned, shared by every
     * request [JGI-REQ-7]. Whatever the application puts in it must be safe for concurrent use.
     */
    public Map<String, Object> state() {
        return state;
    }

    /**
     * Values middleware handed inward for this request only, such as a session or a parsed form
     * [JGI-MW-4]; empty as the server delivers the request [JGI-REQ-13]. Immutable.
     */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** Server-specific values [JGI-REQ-8]. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Plain HTTP, or a WebSocket handshake. */
    public Kind kind() {
        return kind;
    }

    /**
     * The capabilities of {@link ServerInfo#capabilities()} that hold for this request
     * [JGI-CAP-6]: an application checks a per-request feature (trailers, early hints, WebSocket,
     * zero-copy files) here, since a declared capability may not hold on every protocol or
     * connection [JGI-CAP-3]. Immutable; empty for a request built without a server.
     */
    public Set<Capability> capabilities() {
        return capabilities;
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
        if (digits.isEmpty() || digits.length() > 18 || !isDecimal(digits)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    private static boolean isDecimal(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The first value of a request header: shorthand for {@code headers().first(name)}. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** This request aimed at another target, for middleware that re-mounts [JGI-MW-2]. */
    public Request withTarget(RequestTarget newTarget) {
        return toBuilder().target(newTarget).build();
    }

    /** This request with other headers, for middleware. */
    public Request withHeaders(Headers newHeaders) {
        return toBuilder().headers(newHeaders).build();
    }

    /**
     * This request with one more attribute, for middleware that hands a per-request value inward
     * [JGI-MW-4]. The lifespan state is shared, not copied.
     *
     * @param key   a name the middleware owns, such as its class name
     * @param value the value
     */
    public Request withAttribute(String key, Object value) {
        Map<String, Object> grown = new HashMap<>(attributes);
        grown.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return toBuilder().attributes(grown).build();
    }

    /** Requests are equal when every component is; the state by identity, as it is shared. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Request r
                && method.equals(r.method)
                && scheme.equals(r.scheme)
                && version.equals(r.version)
                && target.equals(r.target)
                && headers.equals(r.headers)
                && client.equals(r.client)
                && server.equals(r.server)
                && tls.equals(r.tls)
                && state == r.state
                && attributes.equals(r.attributes)
                && extensions.equals(r.extensions)
                && kind == r.kind
                && capabilities.equals(r.capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, scheme, version, target, headers, client, server, kind);
    }

    /** The request line's parts and the addresses; the maps are left out, since they may be large. */
    @Override
    public String toString() {
        return "Request[" + method + " " + target.raw() + " " + version + ", scheme=" + scheme + ", client=" + client
                + ", server=" + server + ", kind=" + kind + "]";
    }

    /** Collects the components of a {@link Request}; not thread-safe. */
    public static final class Builder {
        private String method;
        private String scheme;
        private String version;
        private RequestTarget target;
        private Headers headers;
        private SocketAddress client;
        private SocketAddress server;
        private Optional<Tls> tls = Optional.empty();
        private Map<String, Object> state = Map.of();
        private Map<String, Object> attributes = Map.of();
        private Map<String, Object> extensions = Map.of();
        private Kind kind = Kind.HTTP;
        private Set<Capability> capabilities = Set.of();

        private Builder() {}

        public Builder method(String value) {
            method = Objects.requireNonNull(value, "method");
            return this;
        }

        public Builder scheme(String value) {
            scheme = Objects.requireNonNull(value, "scheme");
            return this;
        }

        public Builder version(String value) {
            version = Objects.requireNonNull(value, "version");
            return this;
        }

        public Builder target(RequestTarget value) {
            target = Objects.requireNonNull(value, "target");
            return this;
        }

        public Builder headers(Headers value) {
            headers = Objects.requireNonNull(value, "headers");
            return this;
        }

        public Builder client(SocketAddress value) {
            client = Objects.requireNonNull(value, "client");
            return this;
        }

        public Builder server(SocketAddress value) {
            server = Objects.requireNonNull(value, "server");
            return this;
        }

        public Builder tls(Optional<Tls> value) {
            tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /** The lifespan state, kept as this very object, not copied [JGI-REQ-7]. */
        public Builder state(Map<String, Object> value) {
            state = Objects.requireNonNull(value, "state");
            return this;
        }

        /** The per-request attributes, copied. */
        public Builder attributes(Map<String, Object> value) {
            attributes = Objects.requireNonNull(value, "attributes");
            return this;
        }

        /** The server-specific values, copied. */
        public Builder extensions(Map<String, Object> value) {
            extensions = Objects.requireNonNull(value, "extensions");
            return this;
        }

        public Builder kind(Kind value) {
            kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        /**
         * The capabilities that hold for this request, copied [JGI-CAP-6]; a server sets the
         * declared ones it honours on the request's protocol and connection.
         */
        public Builder capabilities(Set<Capability> value) {
            capabilities = Objects.requireNonNull(value, "capabilities");
            return this;
        }

        /**
         * The request.
         *
         * @throws NullPointerException     when a component without a default was not set
         * @throws IllegalArgumentException for a method that is not a token [JGI-REQ-1] or a scheme
         *     other than http and https [JGI-REQ-2]
         */
        public Request build() {
            return new Request(this);
        }
    }
}
