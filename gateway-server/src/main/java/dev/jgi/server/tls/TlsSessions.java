package dev.jgi.server.tls;

import dev.jgi.api.Request;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RenegotiationRequiredException;
import io.undertow.server.SSLSessionInfo;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** The TLS session of an exchange's connection, as the application sees it [JGI-TLS-2]. */
public final class TlsSessions {

    private TlsSessions() {}

    /** The session, or empty for a cleartext connection [JGI-REQ-6]. Works for HTTP/1.1 and HTTP/2. */
    public static Optional<Request.Tls> of(HttpServerExchange http) {
        SSLSessionInfo info = http.getConnection().getSslSessionInfo();
        if (info == null || info.getSSLSession() == null) {
            return Optional.empty();
        }
        SSLSession session = info.getSSLSession();
        return Optional.of(new Request.Tls(
                session.getProtocol(), session.getCipherSuite(), peerCertificates(info), serverName(session)));
    }

    private static List<Certificate> peerCertificates(SSLSessionInfo info) {
        try {
            Certificate[] chain = info.getPeerCertificates();
            return chain == null ? List.of() : List.of(chain);
        } catch (SSLPeerUnverifiedException | RenegotiationRequiredException noCertificate) {
            return List.of();
        }
    }

    private static Optional<String> serverName(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return Optional.of(host.getAsciiName());
                }
            }
        }
        return Optional.empty();
    }
}
