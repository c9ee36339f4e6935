package dev.jgi.samples.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

/**
 * Authenticates {@code Authorization: Bearer TOKEN} against the librarian's token and sets the
 * request's {@link SecurityContext}, the Jakarta REST way; {@code @RolesAllowed} does the rest.
 */
@Priority(Priorities.AUTHENTICATION)
final class BearerTokens implements ContainerRequestFilter {

    static final String LIBRARIAN = "librarian";

    private final byte[] token;

    BearerTokens(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        byte[] offered = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(offered, token)) {
            return;
        }
        SecurityContext transport = request.getSecurityContext();
        Principal librarian = () -> LIBRARIAN;
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return librarian;
            }

            @Override
            public boolean isUserInRole(String role) {
                return LIBRARIAN.equals(role);
            }

            @Override
            public boolean isSecure() {
                return transport.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
