package dev.jgi.tck.wire;

import dev.jgi.tck.spi.ServerUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Self-signed certificates made by the JDK's {@code keytool}, so that the TCK needs no crypto
 * library: the server's for {@code 127.0.0.1} and {@code localhost}, with the PEM files a server
 * under test serves and a client context that trusts exactly that certificate; and a client
 * certificate, which a server that asks for one trusts by the PEM file handed to it [JGI-TLS-2].
 */
public final class TlsMaterial implements AutoCloseable {

    private static final char[] PASSWORD = "jgi-tck".toCharArray();

    private final Path directory;
    private final ServerUnderTest.TlsFiles files;
    private final TrustManagerFactory trust;
    private final KeyStore server;
    private final KeyStore client;

    private TlsMaterial(
            Path directory,
            ServerUnderTest.TlsFiles files,
            TrustManagerFactory trust,
            KeyStore server,
            KeyStore client) {
        this.directory = directory;
        this.files = files;
        this.trust = trust;
        this.server = server;
        this.client = client;
    }

    /** Makes the key pairs and their certificates (valid two days) in a new temporary directory. */
    public static TlsMaterial generate() throws IOException, GeneralSecurityException, InterruptedException {
        Path directory = Files.createTempDirectory("jgi-tck-tls");
        KeyStore keys = keyPair(directory, "server", "CN=localhost", "san=dns:localhost,ip:127.0.0.1");
        Certificate certificate = keys.getCertificate("server");
        Path certFile = Files.writeString(directory.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyFile = Files.writeString(
                directory.resolve("key.pem"),
                pem("PRIVATE KEY", keys.getKey("server", PASSWORD).getEncoded()));
        KeyStore client = keyPair(directory, "client", "CN=jgi-tck-client", "eku=clientAuth");
        Path clientAuthority = Files.writeString(
                directory.resolve("client-ca.pem"),
                pem("CERTIFICATE", client.getCertificate("client").getEncoded()));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        return new TlsMaterial(
                directory, new ServerUnderTest.TlsFiles(certFile, keyFile, clientAuthority), trust, keys, client);
    }

    private static KeyStore keyPair(Path directory, String alias, String dname, String extension)
            throws IOException, GeneralSecurityException, InterruptedException {
        Path store = directory.resolve(alias + ".p12");
        Path log = directory.resolve(alias + "-keytool.log");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        alias,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        dname,
                        "-ext",
                        extension,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IOException("keytool failed: " + Files.readString(log));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The PEM files a server under test serves, and the client authority it trusts. */
    public ServerUnderTest.TlsFiles files() {
        return files;
    }

    /** A server context that presents the generated server certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(server, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the server certificate: " + e, e);
        }
    }

    /** A client context that trusts the generated certificate and nothing else, and has no certificate of its own. */
    public SSLContext clientContext() {
        return context(null);
    }

    /**
     * A client context that trusts the generated certificate and presents the client certificate
     * when the server asks for one; {@code asked} runs each time it does.
     */
    public SSLContext mutualContext(Runnable asked) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(client, PASSWORD);
            X509ExtendedKeyManager own = (X509ExtendedKeyManager) keys.getKeyManagers()[0];
            return context(new KeyManager[] {new ReportingKeyManager(own, asked)});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the client certificate: " + e, e);
        }
    }

    /** The SHA-256 of the client certificate's DER encoding, in lower-case hex. */
    public String clientCertificateSha256() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(client.getCertificate("client").getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SSLContext context(KeyManager[] keys) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's key manager, reporting when a server asks for the client's certificate. */
    private static final class ReportingKeyManager extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;
        private final Runnable asked;

        ReportingKeyManager(X509ExtendedKeyManager keys, Runnable asked) {
            this.keys = keys;
            this.asked = asked;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            asked.run();
            return keys.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            asked.run();
            return keys.chooseEngineClientAlias(keyType, issuers, engine);
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, issuers);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keys.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
