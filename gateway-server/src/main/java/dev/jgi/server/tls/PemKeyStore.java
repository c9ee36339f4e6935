package dev.jgi.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate chain and its private key from PEM files, as {@code --certfile} and
 * {@code --keyfile} name them: the chain leaf first, the key as PKCS#8 ({@code BEGIN PRIVATE KEY}),
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC PRIVATE KEY}), unencrypted.
 */
final class PemKeyStore {

    private static final char[] NO_PASSWORD = new char[0];

    private PemKeyStore() {}

    /**
     * Loads the pair into an in-memory key store under the alias {@code server}.
     *
     * @throws IllegalArgumentException naming the file, when a file is unreadable, holds no
     *     certificate or key, holds an encrypted key, or the key does not belong to the certificate
     */
    static KeyStore load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile, "--certfile");
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.getFirst())) {
            throw new IllegalArgumentException("--keyfile " + keyFile
                    + " does not hold the private key of the first certificate in --certfile " + certFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the key store: " + e.getMessage(), e);
        }
    }

    /**
     * A trust store of the certificates in a PEM file, for {@code --client-ca}.
     *
     * @throws IllegalArgumentException naming the file, when it is unreadable or holds no certificate
     */
    static KeyStore trust(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (X509Certificate authority : certificates(caFile, "--client-ca")) {
                store.setCertificateEntry("ca-" + n++, authority);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust store: " + e.getMessage(), e);
        }
    }

    /** The password of the stores {@link #load} returns. */
    static char[] password() {
        return NO_PASSWORD.clone();
    }

    private static List<X509Certificate> certificates(Path file, String option) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(option + " " + file + " holds no PEM certificate");
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                switch (item) {
                    case PrivateKeyInfo pkcs8 -> {
                        return converter.getPrivateKey(pkcs8);
                    }
                    case PEMKeyPair pair -> {
                        // A SEC1 key may come without its public half; the private key info always holds it.
                        return converter.getPrivateKey(pair.getPrivateKeyInfo());
                    }
                    case PEMEncryptedKeyPair encrypted -> throw encrypted(file);
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> throw encrypted(file);
                    default -> {
                        // EC parameters and certificates may stand next to the key; skip them.
                    }
                }
            }
            throw new IllegalArgumentException("--keyfile " + file + " holds no PEM private key");
        } catch (IOException e) {
            throw new IllegalArgumentException("--keyfile " + file + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException encrypted(Path file) {
        return new IllegalArgumentException(
                "--keyfile " + file + " is encrypted; decrypt it first (openssl pkey -in KEY -out PLAIN)");
    }

    /** Signs and verifies a probe: the one check that works for every key type. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (algorithm == null) {
            return true;
        }
        try {
            byte[] probe = "jgi".getBytes(StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
