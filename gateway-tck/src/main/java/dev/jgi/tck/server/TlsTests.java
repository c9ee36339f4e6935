package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Echo;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Assumptions;

/**
 * Chapter 16 of the spec: HTTP/2 and TLS, against the server's TLS listener
 * ({@link dev.jgi.tck.spi.ServerUnderTest#startSecure}), with the JDK's HTTP/2 client.
 */
class TlsTests {

    @ServerTest(Variant.SECURE)
    @Requires(Capability.TLS)
    @Clause("JGI-TLS-1")
    void requestsOverTlsHaveSchemeHttps(Probe probe) {
        Echo echo = probe.echo(probe.getOverTls("/tls/scheme"));
        assertThat(echo.scheme()).isEqualTo("https");
        assertThat(echo.tls()).as("Request.tls present").isTrue();
    }

    @ServerTest(Variant.SECURE)
    @Requires(Capability.TLS)
    @Clause("JGI-TLS-2")
    void requestTlsCarriesTheNegotiatedProtocolAndCipherSuite(Probe probe) throws IOException {
        Echo echo = probe.echo(probe.getOverTls("/tls/session"));
        try (SSLSocket socket = handshake(probe, "h2", "http/1.1")) {
            assertThat(echo.tlsProtocol())
                    .as("Request.tls protocol")
                    .contains(socket.getSession().getProtocol());
            assertThat(echo.tlsCipherSuite())
                    .as("Request.tls cipher suite")
                    .hasValueSatisfying(suite -> assertThat(suite).startsWith("TLS_"));
        }
        assertThat(echo.tlsServerName())
                .as("no SNI: the client connected to an IP address")
                .isEmpty();
        assertThat(echo.tlsPeerCertificates())
                .as("Request.tls peer certificates: the client sent none")
                .isEmpty();
    }

    @ServerTest(Variant.SECURE)
    @Requires(Capability.TLS)
    @Clause("JGI-TLS-2")
    void requestTlsCarriesTheClientCertificate(Probe probe) {
        AtomicBoolean asked = new AtomicBoolean();
        HttpResponse<String> response = probe.getOverTlsWithClientCertificate("/tls/client", () -> asked.set(true));
        Assumptions.assumeTrue(
                asked.get(), "the TLS listener does not ask for a client certificate (ServerUnderTest.startSecure)");
        assertThat(probe.echo(response).tlsPeerCertificates())
                .as("Request.tls peer certificates: the client's own, self-signed")
                .containsExactly(probe.session().clientCertificateSha256());
    }

    @ServerTest(Variant.SECURE)
    @Requires(Capability.HTTP2)
    @Clause("JGI-H2-1")
    void http2RequestsShowVersionAndAuthorityButNoPseudoHeaders(Probe probe) {
        HttpResponse<String> response = probe.getOverTls("/h2/fields");
        assertThat(response.version()).as("the client spoke HTTP/2").isEqualTo(HttpClient.Version.HTTP_2);
        Echo echo = probe.echo(response);
        assertThat(echo.version()).isEqualTo("HTTP/2");
        assertThat(echo.headers())
                .as("no pseudo-header fields")
                .noneMatch(field -> field.get(0).startsWith(":"));
        assertThat(echo.header("host"))
                .as(":authority as host")
                .containsExactly("127.0.0.1:" + probe.address().getPort());
        assertThat(echo.path()).isEqualTo("/h2/fields");
    }

    @ServerTest(Variant.SECURE)
    @Requires(Capability.HTTP2)
    @Clause("JGI-H2-2")
    void tlsListenersOfferH2ByAlpn(Probe probe) throws IOException {
        try (SSLSocket socket = handshake(probe, "h2", "http/1.1")) {
            assertThat(socket.getApplicationProtocol())
                    .as("ALPN choice among h2, http/1.1")
                    .isEqualTo("h2");
        }
    }

    private static SSLSocket handshake(Probe probe, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) probe.session()
                .tlsContext()
                .getSocketFactory()
                .createSocket(probe.address().getAddress(), probe.address().getPort());
        socket.setSoTimeout((int) probe.timeout().toMillis());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(protocols);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }
}
