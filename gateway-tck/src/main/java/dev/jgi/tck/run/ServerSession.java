package dev.jgi.tck.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.tck.Variant;
import dev.jgi.tck.probe.AsyncProbeApp;
import dev.jgi.tck.probe.ProbeApp;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.spi.ServerUnderTest;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.tck.wire.TlsMaterial;
import dev.jgi.tck.wire.Transcript;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The servers of one TCK run: each probe deployment, the TLS listener included, is started on first
 * use and closed when the run ends. In external mode nothing is started; the deployments are the
 * endpoints the vendor gave.
 */
public final class ServerSession implements AutoCloseable {

    private final TckSettings settings;
    private final Optional<ServerUnderTest> server;
    private final Map<Variant, Target> targets = new EnumMap<>(Variant.class);
    private final List<ServerUnderTest.Started> started = new ArrayList<>();
    private final Map<Variant, String> failures = new EnumMap<>(Variant.class);
    private final Map<Protocol, Map<Variant, Target>> protocolTargets = new EnumMap<>(Protocol.class);
    private JsonNode info;
    private JsonNode secureInfo;
    private TlsMaterial tls;
    private HttpClient https;
    private boolean secureDeclined;

    ServerSession(TckSettings settings) {
        this.settings = settings;
        this.server = settings.external() ? Optional.empty() : Optional.of(ServerResolver.resolve(settings.server()));
    }

    public TckSettings settings() {
        return settings;
    }

    /** The name the run reports: the SPI name, or the external endpoint. */
    public String serverName() {
        return server.map(ServerUnderTest::name)
                .orElseGet(() -> "external " + settings.endpoint().orElseThrow());
    }

    /** The embedded server, empty in external mode. */
    public Optional<ServerUnderTest> embedded() {
        return server;
    }

    /** The deployment, started now if needed; empty with a reason when it cannot exist. */
    public synchronized Target target(Variant variant) {
        Target known = targets.get(variant);
        if (known != null) {
            return known;
        }
        if (failures.containsKey(variant)) {
            throw new IllegalStateException(failures.get(variant));
        }
        try {
            Target target = server.isPresent() ? start(server.get(), variant) : external(variant);
            targets.put(variant, target);
            return target;
        } catch (Exception e) {
            failures.put(variant, "the " + variant + " probe could not be started: " + e);
            throw new IllegalStateException(failures.get(variant), e);
        }
    }

    /**
     * The protocols this run speaks: those the server declares and the settings allow; HTTP/1.1
     * alone in external mode.
     */
    public Set<Protocol> protocols() {
        Set<Protocol> declared = server.map(ServerUnderTest::protocols).orElse(Set.of(Protocol.HTTP_1_1));
        Set<Protocol> run = EnumSet.noneOf(Protocol.class);
        declared.stream().filter(settings.protocols()::contains).forEach(run::add);
        return run;
    }

    /**
     * The deployment of {@code variant} for {@code protocol}: the HTTP/1.1 one, or one started for
     * the protocol by {@link ServerUnderTest#startSecure} (h2; the sync one is {@link Variant#SECURE}'s)
     * or {@link ServerUnderTest#startH2c}.
     */
    public synchronized Target target(Variant variant, Protocol protocol) {
        if (protocol == Protocol.HTTP_1_1 || variant == Variant.SECURE) {
            return target(variant);
        }
        if (protocol == Protocol.H2 && variant == Variant.SYNC) {
            return target(Variant.SECURE);
        }
        Map<Variant, Target> known = protocolTargets.computeIfAbsent(protocol, p -> new EnumMap<>(Variant.class));
        if (known.containsKey(variant)) {
            return known.get(variant);
        }
        ServerUnderTest sut = server.orElseThrow(
                () -> new IllegalStateException("external mode has no " + protocol.token() + " listener"));
        try {
            ServerUnderTest.Started running =
                    protocol == Protocol.H2 ? startSecure(sut, variant) : startH2c(sut, variant);
            started.add(running);
            Target target = new Target(variant, running.address(), variant.mountPath());
            known.put(variant, target);
            return target;
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the " + variant + " probe could not be started over " + protocol.token() + ": " + e, e);
        }
    }

    private ServerUnderTest.Started startSecure(ServerUnderTest sut, Variant variant) throws Exception {
        ServerUnderTest.TlsFiles files = tlsMaterial().files();
        String mount = variant.mountPath();
        Optional<ServerUnderTest.Started> running = switch (variant) {
            case ASYNC -> sut.startSecureAsync(new AsyncProbeApp(), mount, files);
            case MOUNTED -> sut.startSecure(new ProbeApp(), mount, files);
            case ADAPTED_SYNC -> sut.startSecureAsync(AsyncApplication.fromSync(new ProbeApp()), mount, files);
            case ADAPTED_ASYNC -> sut.startSecure(Application.fromAsync(new AsyncProbeApp()), mount, files);
            case SYNC, SECURE -> throw new IllegalStateException("served by the SECURE deployment");
        };
        return running.orElseThrow(() -> new IllegalStateException(
                "the server declares h2 but startSecure offers no TLS listener for " + variant));
    }

    private static ServerUnderTest.Started startH2c(ServerUnderTest sut, Variant variant) throws Exception {
        String mount = variant.mountPath();
        return switch (variant) {
            case ASYNC -> sut.startH2cAsync(new AsyncProbeApp(), mount);
            case SYNC, MOUNTED -> sut.startH2c(new ProbeApp(), mount);
            case ADAPTED_SYNC -> sut.startH2cAsync(AsyncApplication.fromSync(new ProbeApp()), mount);
            case ADAPTED_ASYNC -> sut.startH2c(Application.fromAsync(new AsyncProbeApp()), mount);
            case SECURE -> throw new IllegalStateException("SECURE is a TLS deployment");
        };
    }

    /** Whether this deployment exists in this run (external mode may lack some). */
    public boolean has(Variant variant) {
        return server.isPresent()
                || switch (variant) {
                    case SYNC -> true;
                    case ASYNC -> settings.asyncEndpoint().isPresent();
                    case MOUNTED -> settings.mountedEndpoint().isPresent();
                    case ADAPTED_SYNC, ADAPTED_ASYNC, SECURE -> false;
                };
    }

    /**
     * Whether the server offers a TLS listener through {@link ServerUnderTest#startSecure}; starts it
     * on first use. A listener that fails to start is not "not offered": {@link #target} then throws.
     */
    public synchronized boolean offersTls() {
        if (server.isEmpty()) {
            return false;
        }
        try {
            target(Variant.SECURE);
            return true;
        } catch (IllegalStateException e) {
            return !secureDeclined;
        }
    }

    /** An HTTP/2 client over TLS that trusts the certificate handed to the server, and nothing else. */
    public synchronized HttpClient https() {
        if (https == null) {
            https = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_2)
                    .sslContext(tlsMaterial().clientContext())
                    .connectTimeout(settings.timeout())
                    .build();
        }
        return https;
    }

    /**
     * A new HTTP/2 client over TLS like {@link #https()}, which presents the TCK's client certificate
     * when the server asks for one; {@code asked} runs each time a server does. The caller closes it.
     */
    public synchronized HttpClient httpsWithClientCertificate(Runnable asked) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(tlsMaterial().mutualContext(asked))
                .connectTimeout(settings.timeout())
                .build();
    }

    /** The SHA-256 of the TCK's client certificate, lower-case hex, as the probe reports peer certificates. */
    public synchronized String clientCertificateSha256() {
        return tlsMaterial().clientCertificateSha256();
    }

    /** A client TLS context that trusts the certificate handed to the server, and nothing else. */
    public synchronized javax.net.ssl.SSLContext tlsContext() {
        return tlsMaterial().clientContext();
    }

    private TlsMaterial tlsMaterial() {
        if (tls == null) {
            try {
                tls = TlsMaterial.generate();
            } catch (Exception e) {
                throw new IllegalStateException("cannot generate the TLS certificate: " + e, e);
            }
        }
        return tls;
    }

    private Target start(ServerUnderTest sut, Variant variant) throws Exception {
        if (variant == Variant.SECURE) {
            Optional<ServerUnderTest.Started> secure = sut.startSecure(
                    new ProbeApp(), variant.mountPath(), tlsMaterial().files());
            secureDeclined = secure.isEmpty();
            ServerUnderTest.Started running = secure.orElseThrow(
                    () -> new IllegalStateException("the server offers no TLS listener (ServerUnderTest.startSecure)"));
            started.add(running);
            return new Target(variant, running.address(), variant.mountPath());
        }
        ServerUnderTest.Started running = switch (variant) {
            case ASYNC -> sut.startAsync(new AsyncProbeApp(), variant.mountPath());
            case SYNC, MOUNTED -> sut.start(new ProbeApp(), variant.mountPath());
            case ADAPTED_SYNC -> sut.startAsync(AsyncApplication.fromSync(new ProbeApp()), variant.mountPath());
            case ADAPTED_ASYNC -> sut.start(Application.fromAsync(new AsyncProbeApp()), variant.mountPath());
            case SECURE -> throw new IllegalStateException("started above");
        };
        started.add(running);
        return new Target(variant, running.address(), variant.mountPath());
    }

    private Target external(Variant variant) {
        URI uri = switch (variant) {
            case SYNC -> settings.endpoint().orElseThrow();
            case ASYNC ->
                settings.asyncEndpoint()
                        .orElseThrow(
                                () -> new IllegalStateException("external mode without " + TckSettings.ASYNC_ENDPOINT));
            case MOUNTED ->
                settings.mountedEndpoint()
                        .orElseThrow(() ->
                                new IllegalStateException("external mode without " + TckSettings.MOUNTED_ENDPOINT));
            case ADAPTED_SYNC, ADAPTED_ASYNC, SECURE ->
                throw new IllegalStateException("external mode cannot deploy the adapted probes or a TLS listener");
        };
        String path = uri.getPath() == null || uri.getPath().equals("/") ? "" : uri.getPath();
        return new Target(variant, new InetSocketAddress(uri.getHost(), uri.getPort()), path);
    }

    /** What the sync probe recorded at start-up: the server's name, version, spec version, capabilities. */
    public synchronized JsonNode serverInfo() {
        if (info == null) {
            Target target = target(Variant.SYNC);
            try (RawConnection connection =
                    RawConnection.open(target.address(), new Transcript(), settings.timeout())) {
                connection.send("GET " + target.mountPath() + "/_tck/info HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n");
                RawResponse response = connection.readResponse();
                info = new ObjectMapper().readTree(response.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the probe's /_tck/info answer is not JSON", e);
            }
        }
        return info;
    }

    /** The capabilities the server declared, by name. */
    public Set<String> capabilities() {
        return names(serverInfo());
    }

    /**
     * The capabilities the deployment's server declared: the TLS listener is a server of its own
     * and declares what it offers itself.
     */
    public Set<String> capabilities(Variant variant) {
        return variant == Variant.SECURE ? names(secureInfo()) : capabilities();
    }

    private synchronized JsonNode secureInfo() {
        if (secureInfo == null) {
            Target target = target(Variant.SECURE);
            URI uri = URI.create("https://127.0.0.1:" + target.address().getPort() + target.mountPath() + "/_tck/info");
            try {
                HttpResponse<String> response = https().send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(settings.timeout())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                secureInfo = new ObjectMapper().readTree(response.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the TLS probe's /_tck/info cannot be read: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return secureInfo;
    }

    private static Set<String> names(JsonNode info) {
        Set<String> names = new TreeSet<>();
        info.path("capabilities").forEach(c -> names.add(c.asText()));
        return names;
    }

    @Override
    public synchronized void close() throws Exception {
        Exception first = null;
        for (ServerUnderTest.Started running : started.reversed()) {
            try {
                running.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        started.clear();
        targets.clear();
        protocolTargets.clear();
        if (https != null) {
            https.close();
        }
        if (tls != null) {
            try {
                tls.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
