package dev.jgi.server.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Sequence;
import org.xnio.SslClientAuthMode;

/**
 * The TLS the server speaks: TLS 1.3 and 1.2 only; for 1.2 only forward-secret ECDHE key exchange
 * with AEAD ciphers (the Mozilla "intermediate" profile). Older protocols and CBC or RSA key
 * exchange suites are refused at the handshake.
 */
final class TlsPolicy {

    /** The protocols offered, newest first. */
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The cipher suites offered, in preference order; those the JDK lacks are left out. */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {}

    /** A server context holding the key of {@link PemKeyStore#load}; no client certificates. */
    static SSLContext serverContext(KeyStore keys) {
        return serverContext(keys, null);
    }

    /**
     * A server context holding the key of {@link PemKeyStore#load}.
     *
     * @param clientAuthorities what client certificates must chain to, or null when none are asked for
     */
    static SSLContext serverContext(KeyStore keys, KeyStore clientAuthorities) {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PemKeyStore.password());
            return serverContext(factory.getKeyManagers(), clientAuthorities);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * A server context presenting what {@code keys} choose at each handshake (a
     * {@link ReloadingKeyManager} for certificates reloaded without a restart).
     *
     * @param clientAuthorities what client certificates must chain to, or null when none are asked for
     */
    public static SSLContext serverContext(javax.net.ssl.KeyManager[] keys, KeyStore clientAuthorities) {
        try {
            TrustManager[] trust = null;
            if (clientAuthorities != null) {
                TrustManagerFactory trustFactory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trustFactory.init(clientAuthorities);
                trust = trustFactory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /**
     * The listener options that restrict each connection's engine to this policy.
     *
     * @param clientAuth whether the handshake asks for a client certificate
     */
    static OptionMap listenerOptions(SSLContext context, SslClientAuthMode clientAuth) {
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        String[] suites = CIPHER_SUITES.stream().filter(supported::contains).toArray(String[]::new);
        return OptionMap.builder()
                .set(Options.SSL_ENABLED_PROTOCOLS, Sequence.of(PROTOCOLS))
                .set(Options.SSL_ENABLED_CIPHER_SUITES, Sequence.of(suites))
                .set(Options.SSL_CLIENT_AUTH_MODE, clientAuth)
                .getMap();
    }
}
