package dev.jgi.server.hostile;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.tls.TestCertificates;
import dev.jgi.testing.JgiProcess;
import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;

/**
 * A real {@code bin/jgi serve} process for one attack, with a bystander client beside it and its
 * resident memory read from {@code /proc}: the bounds every hostile-client test asserts (RSS grows
 * by at most {@value #MAX_RSS_GROWTH_MIB} MiB, the bystander's p99 stays under 100 ms or ten times
 * its baseline, whichever is larger; the baseline is the worse of its p99 before and after the
 * attack). {@code -Dhostile=full} makes every attack as large as the
 * audit's; the quick mode that {@code mvn verify} runs takes a few seconds per attack.
 */
final class HostileServer implements AutoCloseable {

    static final int MAX_RSS_GROWTH_MIB = 64;
    static final boolean FULL = "full".equals(System.getProperty("hostile"));

    /** How long the bystander is timed for a baseline, before the attack and after it. */
    private static final long BASELINE_MILLIS = 1500;

    private static final String APP = "dev.jgi.server.apps.HelloApp";

    private final JgiProcess process;
    private final int port;
    private final Bystander bystander;
    private final double baselineP99;
    private final long rssBefore;

    private HostileServer(JgiProcess process, SocketFactory sockets) throws Exception {
        this.process = process;
        this.port = process.awaitPort();
        this.bystander = Bystander.start(port, sockets);
        Thread.sleep(BASELINE_MILLIS);
        // A loaded machine can keep the first answers back past the baseline's time: without one,
        // the p99 is infinite and so would be the bound every attack is held to.
        eventually(
                RawHttp.TIMEOUT,
                () -> assertThat(bystander.count())
                        .as("bystander answers before the attack (%s)", bystander.failure())
                        .isPositive());
        this.baselineP99 = bystander.p99Millis();
        this.rssBefore = rssKiB();
        bystander.reset();
    }

    /** Serves the test app with {@code options} added to a loopback bind on a free port. */
    static HostileServer start(String... options) throws Exception {
        return serving(APP, options);
    }

    /** Serves {@code app}, a class of the test classpath, with {@code options} added. */
    static HostileServer serving(String app, String... options) throws Exception {
        List<String> arguments = arguments(app, options);
        // A TLS server's bystander speaks TLS: a plaintext one would be refused, and measure nothing.
        int certfile = arguments.indexOf("--certfile");
        SocketFactory sockets = certfile < 0
                ? SocketFactory.getDefault()
                : TestCertificates.trusting(Path.of(arguments.get(certfile + 1)))
                        .getSocketFactory();
        JgiProcess process = JgiProcess.start(Path.of("").toAbsolutePath(), Map.of(), arguments);
        try {
            return new HostileServer(process, sockets);
        } catch (Exception | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /**
     * The {@code jgi} arguments that serve the test app with {@code options} added to a loopback bind
     * on a free port, for a test that starts the process itself (with its standard output unread).
     */
    static List<String> arguments(String... options) {
        return arguments(APP, options);
    }

    private static List<String> arguments(String app, String... options) {
        List<String> arguments = new ArrayList<>(List.of(
                "serve",
                "--classpath",
                Path.of("target", "test-classes").toAbsolutePath().toString(),
                "--bind",
                "127.0.0.1:0",
                "--graceful-timeout",
                "1s"));
        arguments.addAll(List.of(options));
        arguments.add(app);
        return arguments;
    }

    /** {@code options} with the certificate and key of {@code pem}: a TLS server's options. */
    static String[] withTls(TestCertificates.Pem pem, String... options) {
        List<String> all = new ArrayList<>(List.of(
                "--certfile",
                pem.certFile().toString(),
                "--keyfile",
                pem.keyFile().toString()));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    int port() {
        return port;
    }

    /**
     * Stops the bystander for an attack that counts the server's slots: a slot the bystander held
     * would be one the attack cannot.
     */
    void stopBystander() throws InterruptedException {
        bystander.close();
    }

    JgiProcess process() {
        return process;
    }

    /**
     * Asserts the bounds that hold for every attack: the bystander was served throughout, fast
     * enough, and the server's memory stayed within bounds. Call it once the attack ended: it
     * times the bystander for a moment more, for the baseline after the attack.
     */
    void assertBystanderAndMemoryUnharmed() throws IOException, InterruptedException {
        // An attack cut off within milliseconds can end before the bystander's next response: the
        // response in flight across the attack is the one that measures it.
        eventually(
                RawHttp.TIMEOUT,
                () -> assertThat(bystander.count() > 0 || bystander.failure() != null)
                        .as("a bystander response or failure")
                        .isTrue());
        assertThat(bystander.failure()).as("the bystander's connection").isNull();
        assertThat(bystander.count())
                .as("bystander responses during the attack")
                .isPositive();
        double during = bystander.p99Millis();
        // The machine's own load (other builds on two cores) can slow every process for seconds:
        // the baseline is the worse of the bystander's p99 just before and just after the attack,
        // so that what is held against the bound is what the attack added, not what the machine did.
        bystander.reset();
        Thread.sleep(BASELINE_MILLIS);
        eventually(
                RawHttp.TIMEOUT,
                () -> assertThat(bystander.count())
                        .as("bystander answers after the attack")
                        .isPositive());
        double baseline = Math.max(baselineP99, bystander.p99Millis());
        double limit = Math.max(100, 10 * baseline);
        System.out.printf(
                "bystander p99: %.1f ms during the attack, %.1f ms before, %.1f ms after%n",
                during, baselineP99, bystander.p99Millis());
        assertThat(during)
                .as(
                        "bystander p99 in ms during the attack (before %.1f ms, after %.1f ms)",
                        baselineP99, bystander.p99Millis())
                .isLessThan(limit);
        long grownMiB = (rssKiB() - rssBefore) / 1024;
        System.out.printf("RSS growth: %d MiB%n", grownMiB);
        assertThat(grownMiB).as("RSS growth in MiB").isLessThanOrEqualTo(MAX_RSS_GROWTH_MIB);
    }

    private long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    @Override
    public void close() throws Exception {
        try {
            bystander.close();
        } finally {
            process.close();
        }
    }
}
