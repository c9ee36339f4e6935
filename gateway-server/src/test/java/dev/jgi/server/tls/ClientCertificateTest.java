package dev.jgi.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --client-auth} and {@code --client-ca}: the client's certificate reaches the application [JGI-TLS-2]. */
@Timeout(60)
class ClientCertificateTest {

    @TempDir
    Path dir;

    @Test
    void wantedClientCertificateReachesTheApplication() throws Exception {
        TestCertificates.Pem server = TestCertificates.ec(dir.resolve("server"), TestCertificates.KeyFormat.PKCS8);
        TestCertificates.Pem client =
                TestCertificates.ec(dir.resolve("client"), TestCertificates.KeyFormat.PKCS8, "CN=alice");
        try (GatewayServer gateway = start(server, ServerConfig.ClientAuth.WANT, client.certFile())) {
            String withCertificate = get(gateway, context(server, client));
            assertThat(RequestEcho.field(withCertificate, "peer")).isEqualTo("CN=alice");
            String without = get(gateway, context(server, null));
            assertThat(RequestEcho.field(without, "peer")).isEqualTo("-");
        }
    }

    @Test
    void neededClientCertificateIsEnforcedAtTheHandshake() throws Exception {
        TestCertificates.Pem server = TestCertificates.ec(dir.resolve("server"), TestCertificates.KeyFormat.PKCS8);
        TestCertificates.Pem client =
                TestCertificates.ec(dir.resolve("client"), TestCertificates.KeyFormat.PKCS8, "CN=bob");
        try (GatewayServer gateway = start(server, ServerConfig.ClientAuth.NEED, client.certFile())) {
            assertThat(RequestEcho.field(get(gateway, context(server, client)), "peer"))
                    .isEqualTo("CN=bob");
            assertThatThrownBy(() -> get(gateway, context(server, null))).isInstanceOf(IOException.class);
        }
    }

    private static GatewayServer start(TestCertificates.Pem pem, ServerConfig.ClientAuth mode, Path clientCa) {
        GatewayServer server = GatewayServer.builder(new RequestEcho())
                .bind("127.0.0.1", 0)
                .tls(pem.certFile(), pem.keyFile())
                .clientAuth(mode, clientCa)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }

    /** Trusts the server's certificate and, if given, presents the client's. */
    private static SSLContext context(TestCertificates.Pem server, TestCertificates.Pem client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(
                "server", PemKeyStore.load(server.certFile(), server.keyFile()).getCertificate("server"));
        TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustFactory.init(trust);
        KeyManagerFactory keys = null;
        if (client != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(PemKeyStore.load(client.certFile(), client.keyFile()), new char[0]);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trustFactory.getTrustManagers(), null);
        return context;
    }

    /**
     * The session's answer is read once and kept: every later request on the connection, and each
     * stream of an HTTP/2 connection, must see the same certificate, and a session without one none.
     */
    @Test
    void everyRequestOfAConnectionSeesItsCertificate() throws Exception {
        TestCertificates.Pem server = TestCertificates.ec(dir.resolve("server"), TestCertificates.KeyFormat.PKCS8);
        TestCertificates.Pem client =
                TestCertificates.ec(dir.resolve("client"), TestCertificates.KeyFormat.PKCS8, "CN=carol");
        try (GatewayServer gateway = start(server, ServerConfig.ClientAuth.WANT, client.certFile())) {
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpClient with = client(context(server, client), version);
                HttpClient without = client(context(server, null), version);
                for (int i = 0; i < 3; i++) {
                    assertThat(RequestEcho.field(get(gateway, with), "peer"))
                            .as("%s, request %d", version, i)
                            .isEqualTo("CN=carol");
                    assertThat(RequestEcho.field(get(gateway, without), "peer"))
                            .as("%s, request %d", version, i)
                            .isEqualTo("-");
                }
            }
        }
    }

    private static HttpClient client(SSLContext context, HttpClient.Version version) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .version(version)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static String get(GatewayServer server, SSLContext context) throws Exception {
        return get(server, client(context, HttpClient.Version.HTTP_2));
    }

    private static String get(GatewayServer server, HttpClient client) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/who"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
