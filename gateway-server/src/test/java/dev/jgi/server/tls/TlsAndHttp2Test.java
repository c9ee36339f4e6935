package dev.jgi.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Capability;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS from PEM files and HTTP/2 by ALPN, against the JDK's client, curl, nghttp and h2load. */
@Timeout(60)
class TlsAndHttp2Test {

    @TempDir
    static Path dir;

    static TestCertificates.Pem pem;
    static GatewayServer server;
    static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.TRADITIONAL);
        server = GatewayServer.builder(new RequestEcho())
                .bind("127.0.0.1", 0)
                .tls(pem.certFile(), pem.keyFile())
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(
                "test", PemKeyStore.load(pem.certFile(), pem.keyFile()).getCertificate("server"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, factory.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void http2OverTlsReachesTheApplicationWithSchemeVersionAndTlsDetails() throws Exception {
        HttpResponse<String> response = get(HttpClient.Version.HTTP_2);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        String answer = response.body();
        assertThat(RequestEcho.field(answer, "version")).isEqualTo("HTTP/2");
        assertThat(RequestEcho.field(answer, "scheme")).isEqualTo("https");
        assertThat(RequestEcho.field(answer, "tls")).startsWith("TLSv1.3 TLS_").endsWith("sni=localhost");
        assertThat(RequestEcho.field(answer, "host")).isEqualTo("localhost:" + server.port());
        assertThat(RequestEcho.field(answer, "pseudo-headers")).isEqualTo("0");
    }

    @Test
    void http11IsStillOfferedByAlpn() throws Exception {
        HttpResponse<String> response = get(HttpClient.Version.HTTP_1_1);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(RequestEcho.field(response.body(), "version")).isEqualTo("HTTP/1.1");
        assertThat(RequestEcho.field(response.body(), "scheme")).isEqualTo("https");
    }

    @Test
    void curlNegotiatesHttp2() throws Exception {
        ChildProcess.Result curl = Command.of(
                        "curl",
                        "-sS",
                        "--http2",
                        "--cacert",
                        pem.certFile().toString(),
                        "-w",
                        "negotiated=%{http_version}\n",
                        "https://localhost:" + server.port() + "/curl")
                .run();
        assertThat(curl.exit()).as(curl.output()).isZero();
        assertThat(RequestEcho.field(curl.output(), "negotiated")).isEqualTo("2");
        assertThat(RequestEcho.field(curl.output(), "version")).isEqualTo("HTTP/2");
    }

    @Test
    void serverAllowsAtMost100ConcurrentStreams() throws Exception {
        ChildProcess.Result nghttp = Command.of("nghttp", "-nv", "https://127.0.0.1:" + server.port() + "/")
                .run();
        assertThat(nghttp.output()).contains("SETTINGS_MAX_CONCURRENT_STREAMS(0x03):100");
    }

    @Test
    void oversizedHeaderOverHttp2Gets431LikeOverHttp11() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting)
                .version(HttpClient.Version.HTTP_2)
                .build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/big"))
                        .header("x-big", "a".repeat(30_000))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(431);
    }

    @Test
    void h2loadCompletesEveryStreamOfManyConnections() throws Exception {
        ChildProcess.Result load = Command.of(
                        "h2load", "-n", "2000", "-c", "4", "-m", "100", "https://127.0.0.1:" + server.port() + "/load")
                .run();
        assertThat(load.output()).as(load.output()).contains("2000 succeeded, 0 failed, 0 errored");
    }

    @Test
    void cbcCipherSuitesAreRefused() throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void http11OverTlsAnswersAnotherMajorVersion505LikeCleartext() throws Exception {
        for (boolean alpn : new boolean[] {false, true}) {
            for (String version : new String[] {"HTTP/2.0", "HTTP/3.0"}) {
                assertThat(overTls("GET / " + version + "\r\nHost: x\r\nConnection: close\r\n\r\n", alpn))
                        .as("%s over TLS, ALPN offered: %s", version, alpn)
                        .startsWith("HTTP/1.1 505 ");
            }
            assertThat(overTls("GET / HTTP/1.2\r\nHost: x\r\nConnection: close\r\n\r\n", alpn))
                    .as("a higher HTTP/1 minor version is served as HTTP/1.1, ALPN offered: %s", alpn)
                    .startsWith("HTTP/1.1 200 ")
                    .contains("version=HTTP/1.1");
        }
    }

    private static String overTls(String request, boolean alpn) throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            if (alpn) {
                javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"http/1.1"});
                socket.setSSLParameters(parameters);
            }
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void capabilitiesNameTlsAndHttp2() {
        assertThat(server.info().capabilities()).contains(Capability.TLS, Capability.HTTP2, Capability.WEBSOCKET);
    }

    private HttpResponse<String> get(HttpClient.Version version) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting)
                .version(version)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/x"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
