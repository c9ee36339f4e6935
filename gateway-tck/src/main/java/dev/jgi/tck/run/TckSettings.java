package dev.jgi.tck.run;

import dev.jgi.tck.spi.Protocol;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The TCK's settings, read from JUnit configuration parameters (which also fall back to system
 * properties of the same name), so that Maven, the command line and the self-test set them alike.
 *
 * @param server        {@code jgi.tck.server}: a server name known to {@link ServerResolver}, or a class name
 * @param endpoint      {@code jgi.tck.endpoint}: external mode, where the vendor runs the sync probe
 * @param asyncEndpoint {@code jgi.tck.endpoint.async}: external mode, the async probe
 * @param mountedEndpoint {@code jgi.tck.endpoint.mounted}: external mode, the sync probe under {@code /mnt}
 * @param timeout       {@code jgi.tck.timeout}: milliseconds a read waits before the server counts as silent; 2000
 * @param reportDir     {@code jgi.tck.report}: where report.json and report.md go; none if unset
 * @param protocols     {@code jgi.tck.protocols}: a comma-separated subset of {@code http/1.1,h2,h2c} to
 *                      run over, of those the server declares; all of them if unset
 */
public record TckSettings(
        Optional<String> server,
        Optional<URI> endpoint,
        Optional<URI> asyncEndpoint,
        Optional<URI> mountedEndpoint,
        Duration timeout,
        Optional<String> reportDir,
        Set<Protocol> protocols) {

    public static final String SERVER = "jgi.tck.server";
    public static final String ENDPOINT = "jgi.tck.endpoint";
    public static final String ASYNC_ENDPOINT = "jgi.tck.endpoint.async";
    public static final String MOUNTED_ENDPOINT = "jgi.tck.endpoint.mounted";
    public static final String TIMEOUT = "jgi.tck.timeout";
    /**
     * How long a test waits for what should happen (a connection, a response, a close). Only failing
     * tests wait it out, so it is generous: a loaded CI machine can take seconds for a TLS handshake.
     */
    static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

    public static final String REPORT = "jgi.tck.report";
    public static final String PROTOCOLS = "jgi.tck.protocols";
    /** Comma-separated clause IDs: only the tests that decide one of them run. */
    public static final String CLAUSES = "jgi.tck.clauses";

    public TckSettings {
        protocols = Set.copyOf(protocols);
    }

    static TckSettings from(Function<String, Optional<String>> parameters) {
        return new TckSettings(
                parameters.apply(SERVER).filter(s -> !s.isBlank()),
                parameters.apply(ENDPOINT).filter(s -> !s.isBlank()).map(URI::create),
                parameters.apply(ASYNC_ENDPOINT).filter(s -> !s.isBlank()).map(URI::create),
                parameters.apply(MOUNTED_ENDPOINT).filter(s -> !s.isBlank()).map(URI::create),
                Duration.ofMillis(parameters.apply(TIMEOUT).map(Long::parseLong).orElse(DEFAULT_TIMEOUT_MILLIS)),
                parameters.apply(REPORT).filter(s -> !s.isBlank()),
                parameters
                        .apply(PROTOCOLS)
                        .filter(s -> !s.isBlank())
                        .map(TckSettings::protocols)
                        .orElseGet(() -> EnumSet.allOf(Protocol.class)));
    }

    private static Set<Protocol> protocols(String list) {
        Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        Arrays.stream(list.split(",")).map(Protocol::of).forEach(protocols::add);
        return protocols;
    }

    boolean external() {
        return endpoint.isPresent();
    }
}
