package dev.jgi.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void readsAnRsaKeyInPkcs8() throws Exception {
        TestCertificates.Pem pem = TestCertificates.rsa(dir, TestCertificates.KeyFormat.PKCS8);
        assertThat(Files.readString(pem.keyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertLoads(pem);
    }

    @Test
    void readsAnRsaKeyInPkcs1() throws Exception {
        TestCertificates.Pem pem = TestCertificates.rsa(dir, TestCertificates.KeyFormat.TRADITIONAL);
        assertThat(Files.readString(pem.keyFile())).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertLoads(pem);
    }

    @Test
    void readsAnEcKeyInSec1() throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.TRADITIONAL);
        assertThat(Files.readString(pem.keyFile())).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertLoads(pem);
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
        TestCertificates.Pem first = TestCertificates.ec(dir.resolve("a"), TestCertificates.KeyFormat.PKCS8);
        TestCertificates.Pem second = TestCertificates.ec(dir.resolve("b"), TestCertificates.KeyFormat.PKCS8);
        assertThatThrownBy(() -> PemKeyStore.load(first.certFile(), second.keyFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not hold the private key");
    }

    @Test
    void namesTheFileThatHoldsNoKey() throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        assertThatThrownBy(() -> PemKeyStore.load(pem.certFile(), pem.certFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--keyfile")
                .hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> PemKeyStore.load(dir.resolve("missing.pem"), pem.keyFile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--certfile");
    }

    private static void assertLoads(TestCertificates.Pem pem) throws Exception {
        KeyStore store = PemKeyStore.load(pem.certFile(), pem.keyFile());
        assertThat(store.getKey("server", new char[0]).getAlgorithm())
                .isEqualTo(pem.keys().getPrivate().getAlgorithm());
        assertThat(store.getCertificate("server").getPublicKey())
                .isEqualTo(pem.keys().getPublic());
        assertThat(TlsPolicy.serverContext(store).getProtocol()).isEqualTo("TLS");
    }
}
