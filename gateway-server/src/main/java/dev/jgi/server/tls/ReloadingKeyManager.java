package dev.jgi.server.tls;

import dev.jgi.server.log.ServerLog;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's certificate and key, reloadable without a restart: each new handshake asks the
 * current pair, and {@link #reload()} swaps in the pair the PEM files hold now. A connection keeps
 * the certificate its handshake used. A pair that does not load (a half-written renewal, a key that
 * does not match) is refused with a warning and the old one stays.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {

    private final Path certFile;
    private final Path keyFile;
    private volatile X509ExtendedKeyManager current;
    private volatile List<FileTime> loadedVersions;

    /** @throws IllegalArgumentException naming the file, when the pair cannot be used at start */
    public ReloadingKeyManager(Path certFile, Path keyFile) {
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.loadedVersions = versions();
        this.current = load();
    }

    private X509ExtendedKeyManager load() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(PemKeyStore.load(certFile, keyFile), PemKeyStore.password());
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509ExtendedKeyManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 key manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Loads the pair the files hold now; true when it replaced the previous one. */
    public boolean reload() {
        List<FileTime> versions = versions();
        try {
            current = load();
            loadedVersions = versions;
            ServerLog.info("TLS certificate reloaded from " + certFile + ": "
                    + current.getCertificateChain("server")[0].getSubjectX500Principal() + ", valid until "
                    + current.getCertificateChain("server")[0].getNotAfter().toInstant());
            return true;
        } catch (RuntimeException e) {
            ServerLog.warn(null, "TLS certificate not reloaded, the previous one stays: " + e.getMessage());
            return false;
        }
    }

    /** Reloads when either file changed since the last load; for a periodic check. */
    public void reloadIfChanged() {
        if (!versions().equals(loadedVersions)) {
            reload();
        }
    }

    /** The leaf certificate handshakes present now. */
    public X509Certificate certificate() {
        return current.getCertificateChain("server")[0];
    }

    private List<FileTime> versions() {
        try {
            return List.of(Files.getLastModifiedTime(certFile), Files.getLastModifiedTime(keyFile));
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return current.chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return current.chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return current.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return current.getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current.getServerAliases(keyType, issuers);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return current.getClientAliases(keyType, issuers);
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return current.chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return current.chooseEngineClientAlias(keyType, issuers, engine);
    }
}
