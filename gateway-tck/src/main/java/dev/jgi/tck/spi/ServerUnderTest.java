package dev.jgi.tck.spi;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a server vendor implements to run the TCK against an embeddable server: start an
 * application on a free loopback port under a mount path, report where it listens, stop it.
 * Found through {@link java.util.ServiceLoader} by {@link #name()}, or by class name in the
 * {@code jgi.tck.server} setting; the class needs a public no-argument constructor.
 *
 * <p>The TCK starts a handful of servers per run (the sync probe, the async probe, the sync probe
 * under a mount path) and closes each once the run is over. What the server can do is not declared
 * here but in the {@link dev.jgi.api.ServerInfo} it hands the application at start-up, which is
 * what the specification makes normative [JGI-CAP-1].
 */
public interface ServerUnderTest {

    /** A short name for the command line and the report, for example {@code reference} or {@code jetty}. */
    String name();

    /**
     * Starts {@code app} on 127.0.0.1 and a free port.
     *
     * @param mountPath the mount prefix, empty or like {@code /mnt} [JGI-PATH-2]
     * @return the running server; returns once it accepts connections
     */
    Started start(Application app, String mountPath) throws Exception;

    /**
     * Starts an async application. A server that serves only sync applications may keep this
     * default, which runs the application through the API's adapter. Each {@code start} method has
     * an {@code Async} twin rather than an overload, so that an object implementing both
     * interfaces, or a lambda, needs no cast.
     */
    default Started startAsync(AsyncApplication app, String mountPath) throws Exception {
        return start(Application.fromAsync(app), mountPath);
    }

    /**
     * Starts {@code app} on 127.0.0.1 and a free port, speaking TLS with the certificate the TCK
     * generated for {@code 127.0.0.1} and {@code localhost}. The TLS tests [JGI-TLS-1] [JGI-TLS-2]
     * [JGI-H2-1] [JGI-H2-2] run against it, gated by the capabilities this server declares; a
     * server without TLS keeps the default, which offers none, and those tests are skipped. A
     * server that can ask TLS clients for a certificate should ask for one here without requiring
     * it, trusting {@link TlsFiles#clientAuthority}: the test that {@code Request.tls} carries the
     * client's certificate runs only against a listener that asks [JGI-TLS-2].
     *
     * @param tls the PEM certificate and unencrypted PKCS#8 key to serve
     * @return the running server, or empty when the server cannot speak TLS
     */
    default Optional<Started> startSecure(Application app, String mountPath, TlsFiles tls) throws Exception {
        return Optional.empty();
    }

    /**
     * Starts an async application with TLS, as {@link #startSecure(Application, String, TlsFiles)}
     * does a sync one; the suite's HTTP/2-over-TLS runs of the async deployments use it. The default
     * runs the application through the API's adapter.
     */
    default Optional<Started> startSecureAsync(AsyncApplication app, String mountPath, TlsFiles tls) throws Exception {
        return startSecure(Application.fromAsync(app), mountPath, tls);
    }

    /**
     * Starts {@code app} on 127.0.0.1 and a free port with a cleartext listener that takes
     * prior-knowledge HTTP/2 (h2c); the suite's {@link Protocol#H2C} runs use it. A server whose
     * {@link #start} listeners speak h2c anyway keeps the default.
     */
    default Started startH2c(Application app, String mountPath) throws Exception {
        return start(app, mountPath);
    }

    /** Starts an async application as {@link #startH2c(Application, String)} does a sync one. */
    default Started startH2cAsync(AsyncApplication app, String mountPath) throws Exception {
        return startAsync(app, mountPath);
    }

    /**
     * The protocols the suite speaks to this server; each server test runs once per protocol, except
     * the HTTP/1.1-only ones. {@link Protocol#H2} needs {@link #startSecure} to offer {@code h2} by
     * ALPN; {@link Protocol#H2C} needs {@link #startH2c}. The default is HTTP/1.1 alone.
     */
    default Set<Protocol> protocols() {
        return EnumSet.of(Protocol.HTTP_1_1);
    }

    /**
     * PEM files for a TLS listener, deleted by the TCK when the run ends.
     *
     * @param certificate     the self-signed certificate ({@code BEGIN CERTIFICATE})
     * @param privateKey      its key, PKCS#8 ({@code BEGIN PRIVATE KEY})
     * @param clientAuthority the TCK's self-signed client certificate, the one authority a listener
     *                        that asks clients for a certificate trusts
     */
    record TlsFiles(Path certificate, Path privateKey, Path clientAuthority) {}

    /** A running server. */
    interface Started extends AutoCloseable {

        /** Where it listens. */
        InetSocketAddress address();

        /** Stops the server and releases the port; the application's stop runs [JGI-LIFE-5]. */
        @Override
        void close() throws Exception;
    }
}
