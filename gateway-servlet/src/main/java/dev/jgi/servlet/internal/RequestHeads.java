package dev.jgi.servlet.internal;

import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.kernel.request.HeldCapabilities;
import dev.jgi.kernel.target.TargetParser;
import dev.jgi.kernel.target.TargetRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a servlet request into the JGI request head. */
public final class RequestHeads {

    /** The extension key under which the application finds the container's request [JGI-REQ-8]. */
    public static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

    private RequestHeads() {}

    /**
     * The request head.
     *
     * @param declared the capabilities the bridge declared, narrowed to this request [JGI-CAP-6]
     * @throws Refusal 400 for a path the spec rejects or a header a JGI value cannot hold
     */
    public static Request of(
            HttpServletRequest request, Map<String, Object> state, Request.Kind kind, Set<Capability> declared)
            throws Refusal {
        return Request.builder()
                .method(request.getMethod())
                .scheme(request.isSecure() ? "https" : "http")
                .version(version(request.getProtocol()))
                .target(target(request))
                .headers(headers(request))
                .client(address(request.getRemoteAddr(), request.getRemotePort()))
                .server(address(request.getLocalAddr(), request.getLocalPort()))
                .tls(tls(request))
                .state(state)
                .extensions(Map.of(SERVLET_REQUEST, request))
                .kind(kind)
                .capabilities(held(declared, request.getProtocol()))
                .build();
    }

    /**
     * The declared capabilities less WebSocket over HTTP/2: the bridge opens a WebSocket by the
     * HTTP/1.1 upgrade only, and has no RFC 8441 extended CONNECT [JGI-CAP-6].
     */
    private static Set<Capability> held(Set<Capability> declared, String protocol) {
        return HeldCapabilities.of(declared, protocol.equals("HTTP/2.0") ? Set.of(Capability.WEBSOCKET) : Set.of());
    }

    private static String version(String protocol) {
        return protocol.equals("HTTP/2.0") ? "HTTP/2" : protocol;
    }

    /**
     * The mount is what the container matched: the context path plus, for a path mapping such as
     * {@code /api/*}, the servlet path [JGI-PATH-1]. The target is parsed from the raw URI, since
     * containers decode {@code %2F} and {@code %25} differently [JGI-PATH-7].
     */
    private static RequestTarget target(HttpServletRequest request) throws Refusal {
        String query = request.getQueryString();
        String raw = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        try {
            String context = request.getContextPath();
            String mount = context.isEmpty() ? "" : TargetParser.decodePath(context);
            if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.PATH) {
                mount += request.getServletPath();
            }
            return TargetParser.parse(raw, mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount);
        } catch (TargetRefusal refusal) {
            throw new Refusal(refusal.status(), refusal.getMessage());
        }
    }

    private static Headers headers(HttpServletRequest request) throws Refusal {
        Headers.Builder headers = Headers.builder();
        try {
            for (String name : Collections.list(request.getHeaderNames())) {
                String lower = name.toLowerCase(Locale.ROOT);
                for (String value : Collections.list(request.getHeaders(name))) {
                    headers.add(lower, value.strip());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, e.getMessage());
        }
        return headers.build();
    }

    private static InetSocketAddress address(String literal, int port) {
        try {
            // A literal address: no name service lookup happens.
            return new InetSocketAddress(InetAddress.getByName(literal), port);
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(literal, port);
        }
    }

    private static Optional<Request.Tls> tls(HttpServletRequest request) {
        if (!request.isSecure()) {
            return Optional.empty();
        }
        Object protocol = request.getAttribute("jakarta.servlet.request.secure_protocol");
        if (protocol == null) {
            protocol = request.getAttribute("org.apache.tomcat.util.net.secure_protocol_version");
        }
        Object cipher = request.getAttribute("jakarta.servlet.request.cipher_suite");
        Certificate[] chain = (Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        return Optional.of(new Request.Tls(
                String.valueOf(protocol),
                String.valueOf(cipher),
                chain == null ? List.of() : List.of(chain),
                Optional.empty()));
    }
}
