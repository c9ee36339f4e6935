package dev.jgi.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A renewed certificate is presented to new connections without a restart; open ones keep theirs. */
class CertificateReloadTest {

    private static final Application OK = (request, exchange) -> Response.text(200, "ok");

    /** Accepts any server certificate: the test looks at which one was presented. */
    private static final X509TrustManager ANY = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private static SSLSocket connect(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {ANY}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.startHandshake();
        return socket;
    }

    private static BigInteger serial(SSLSocket socket) throws Exception {
        return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
    }

    private static String get(SSLSocket socket) throws Exception {
        socket.getOutputStream()
                .write("GET / HTTP/1.1\r\nhost: localhost\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] buffer = new byte[4096];
        int n = socket.getInputStream().read(buffer);
        return new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    @Test
    void newConnectionsGetTheRenewedCertificateAndOpenOnesKeepWorking(@TempDir Path dir) throws Exception {
        TestCertificates.Pem first = TestCertificates.ec(dir.resolve("first"), TestCertificates.KeyFormat.PKCS8);
        Path live = Files.createDirectories(dir.resolve("live"));
        Files.copy(first.certFile(), live.resolve("cert.pem"));
        Files.copy(first.keyFile(), live.resolve("key.pem"));
        try (GatewayServer server = GatewayServer.builder(OK)
                .bind("127.0.0.1", 0)
                .tls(live.resolve("cert.pem"), live.resolve("key.pem"))
                .http2(false)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build()) {
            server.start();
            try (SSLSocket before = connect(server.port())) {
                BigInteger old = serial(before);
                assertThat(get(before)).startsWith("HTTP/1.1 200");

                Thread.sleep(5); // a later serial: the test certificates number themselves by the clock
                TestCertificates.Pem renewed =
                        TestCertificates.ec(dir.resolve("renewed"), TestCertificates.KeyFormat.PKCS8);
                Files.copy(renewed.keyFile(), live.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(renewed.certFile(), live.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
                assertThat(server.reloadCertificates()).isTrue();

                try (SSLSocket after = connect(server.port())) {
                    assertThat(serial(after)).isNotEqualTo(old);
                    assertThat(get(after)).startsWith("HTTP/1.1 200");
                }
                assertThat(serial(before)).isEqualTo(old);
                assertThat(get(before)).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void aBrokenRenewalKeepsTheCurrentCertificate(@TempDir Path dir) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        try (GatewayServer server = GatewayServer.builder(OK)
                .bind("127.0.0.1", 0)
                .tls(pem.certFile(), pem.keyFile())
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .build()) {
            server.start();
            BigInteger serial;
            try (SSLSocket socket = connect(server.port())) {
                serial = serial(socket);
            }
            Files.writeString(pem.keyFile(), "-----BEGIN PRIVATE KEY-----\nhalf-written\n");
            assertThat(server.reloadCertificates()).isFalse();
            try (SSLSocket socket = connect(server.port())) {
                assertThat(serial(socket)).isEqualTo(serial);
                assertThat(get(socket)).startsWith("HTTP/1.1 200");
            }
        }
    }
}
