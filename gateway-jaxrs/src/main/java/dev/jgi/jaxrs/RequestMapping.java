package dev.jgi.jaxrs;

import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import jakarta.ws.rs.core.SecurityContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.security.cert.X509Certificate;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.uri.UriComponent;

/** A JGI request head as Jersey's {@link ContainerRequest}. */
final class RequestMapping {

    private RequestMapping() {}

    /**
     * Jersey's request for {@code request}: the base URI ends at the mount prefix [JGI-PATH-3], so
     * resources see {@link Request#path()}; the query stays as received [JGI-PATH-9].
     *
     * @throws IllegalArgumentException when the host the client named cannot form a URI
     */
    static ContainerRequest of(Request request, ResourceConfig configuration) {
        RequestTarget target = request.target();
        String origin = request.scheme() + "://" + authority(request);
        String base = UriComponent.contextualEncode(target.mountPath(), UriComponent.Type.PATH) + "/";
        String inside = target.path().isEmpty() ? "" : target.path().substring(1);
        String query = target.query()
                .map(raw -> "?" + UriComponent.contextualEncode(raw, UriComponent.Type.QUERY))
                .orElse("");
        URI baseUri = URI.create(origin + base);
        URI requestUri =
                URI.create(origin + base + UriComponent.contextualEncode(inside, UriComponent.Type.PATH) + query);
        MapPropertiesDelegate properties = new MapPropertiesDelegate();
        properties.setProperty(JerseyApplication.REQUEST_PROPERTY, request);
        ContainerRequest jersey = new ContainerRequest(
                baseUri, requestUri, request.method(), security(request), properties, configuration);
        request.headers().forEach(jersey::header);
        return jersey;
    }

    /** The host the client asked for [RFC 9110 §7.2], else the address it reached. */
    private static String authority(Request request) {
        return request.header("host")
                .orElseGet(() -> request.server() instanceof InetSocketAddress address
                        ? (address.getAddress().getHostAddress().contains(":")
                                        ? "[" + address.getAddress().getHostAddress() + "]"
                                        : address.getAddress().getHostAddress())
                                + ":" + address.getPort()
                        : "localhost");
    }

    /**
     * What the transport knows of the client's identity: the connection's security [JGI-REQ-2] and
     * the subject of a client certificate [JGI-REQ-6]. Applications that authenticate otherwise set
     * their own context in a {@code ContainerRequestFilter}, the Jakarta REST way.
     */
    private static SecurityContext security(Request request) {
        Principal certificate = request.tls()
                .flatMap(tls -> tls.peerCertificates().stream().findFirst())
                .filter(X509Certificate.class::isInstance)
                .map(cert -> (Principal) ((X509Certificate) cert).getSubjectX500Principal())
                .orElse(null);
        boolean secure = request.scheme().equals("https");
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return certificate;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return certificate == null ? null : SecurityContext.CLIENT_CERT_AUTH;
            }
        };
    }
}
