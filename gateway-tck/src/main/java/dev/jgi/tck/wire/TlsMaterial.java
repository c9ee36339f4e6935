package dev.jgi.tck.wire;

import dev.jgi.tck.spi.ServerUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made by the JDK's
 * {@code keytool} so that the TCK needs no crypto library: the PEM files a server under test
 * serves, a server context for a server a test starts in process, and a client context that trusts
 * exactly that certificate. {@link #close()} deletes the files.
 */
public final class TlsMaterial implements AutoCloseable {

    private static final char[] PASSWORD = "jgi-tck".toCharArray();

    private final Path directory;
    private final ServerUnderTest.TlsFiles files;
    private final SSLContext serverContext;
    private final SSLContext clientContext;

    private TlsMaterial(
            Path directory, ServerUnderTest.TlsFiles files, SSLContext serverContext, SSLContext clientContext) {
        this.directory = directory;
        this.files = files;
        this.serverContext = serverContext;
        this.clientContext = clientContext;
    }

    /** Makes a key pair and its certificate (valid two days) in a new temporary directory. */
    public static TlsMaterial generate() throws IOException, GeneralSecurityException, InterruptedException {
        Path directory = Files.createTempDirectory("jgi-tck-tls");
        Path store = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=dns:localhost,ip:127.0.0.1",
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
                .redirectOutput(directory.resolve("keytool.log").toFile())
                .start();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            keytool.destroyForcibly();
            throw new IOException("keytool failed: " + Files.readString(directory.resolve("keytool.log")));
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        Certificate certificate = keys.getCertificate("server");
        Path certFile = Files.writeString(directory.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyFile = Files.writeString(
                directory.resolve("key.pem"),
                pem("PRIVATE KEY", keys.getKey("server", PASSWORD).getEncoded()));
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        KeyManagerFactory key = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        key.init(keys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(key.getKeyManagers(), null, null);
        return new TlsMaterial(directory, new ServerUnderTest.TlsFiles(certFile, keyFile), server, client);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The certificate and its private key as PEM files, for a server under test. */
    public ServerUnderTest.TlsFiles files() {
        return files;
    }

    /** A server context that presents the generated certificate. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** A client context that trusts the generated certificate and nothing else. */
    public SSLContext clientContext() {
        return clientContext;
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
