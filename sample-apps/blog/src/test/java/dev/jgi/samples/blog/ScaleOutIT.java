package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.HAProxy;
import dev.jgi.samples.testing.Postgres;
import dev.jgi.testing.Nginx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/deploy-scale-out.md for real: three {@code bin/jgi serve} instances of the blog jar on one
 * PostgreSQL, behind the guide's nginx and then its HAProxy configuration, used verbatim (ports and
 * paths replaced), under GET and POST load through a rolling restart and a SIGKILL. The counts go
 * to standard output for the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final int READERS = 6;
    private static final int WRITERS = 2;
    /** How long HAProxy needs to take a ready instance back: rise 2 × inter 1s, and a check's round trip. */
    private static final Duration BACK_IN_ROTATION = Duration.ofMillis(2_500);

    @TempDir
    Path dir;

    private Postgres postgres;
    private Path envFile;

    @BeforeAll
    void database(@TempDir Path site) throws Exception {
        postgres = Postgres.start();
        envFile = ScaleOutGuide.site(postgres, "scaleout", site).envFile();
    }

    @AfterAll
    void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void behindNginxARollingRestartLosesNothingAndASigkillOnlyPostsInFlight() throws Exception {
        try (BlogCluster cluster = ScaleOutGuide.cluster(envFile, dir)) {
            String block = ScaleOutGuide.balancer("nginx", cluster);
            try (Nginx nginx = Nginx.start(
                    dir.resolve("nginx"), port -> block.replace("listen 8080;", "listen 127.0.0.1:" + port + ";"))) {
                URI base = URI.create("http://127.0.0.1:" + nginx.port() + "/");
                exercise("nginx", cluster, base, Duration.ZERO);
            }
        }
    }

    @Test
    void behindHAProxyARollingRestartLosesNothingAndASigkillOnlyPostsInFlight() throws Exception {
        try (BlogCluster cluster = ScaleOutGuide.cluster(envFile, dir)) {
            int port = freePort();
            String config =
                    ScaleOutGuide.balancer("haproxy", cluster).replace("bind 127.0.0.1:8080", "bind 127.0.0.1:" + port);
            try (HAProxy haproxy = HAProxy.start(dir.resolve("haproxy"), config, port)) {
                // Every instance in the rotation before the load starts.
                Thread.sleep(BACK_IN_ROTATION.toMillis());
                exercise("HAProxy", cluster, URI.create("http://127.0.0.1:" + port + "/"), BACK_IN_ROTATION);
            }
        }
    }

    /** The rolling restart, then the SIGKILL, each under its own load; asserts what the guide promises. */
    private void exercise(String balancer, BlogCluster cluster, URI base, Duration settle) throws Exception {
        List<Double> restarts = new ArrayList<>();
        MixedLoad rolling = MixedLoad.start(base, READERS, WRITERS, "admin", ScaleOutGuide.ADMIN_PASSWORD);
        try {
            Thread.sleep(2_000);
            for (int i = 0; i < cluster.size(); i++) {
                restarts.add(cluster.restart(i));
                Thread.sleep(settle.toMillis());
            }
            Thread.sleep(2_000);
        } finally {
            rolling.close();
        }
        System.out.printf(
                "%s, rolling restart of 3 instances (seconds each %s): %s%n", balancer, restarts, rolling.counts());
        assertThat(rolling.succeeded("GET")).isPositive();
        assertThat(rolling.succeeded("POST")).isPositive();
        assertThat(rolling.failures("GET") + rolling.failures("POST"))
                .as("failed requests during the rolling restart: " + rolling.counts())
                .isZero();

        MixedLoad killing = MixedLoad.start(base, READERS, WRITERS, "admin", ScaleOutGuide.ADMIN_PASSWORD);
        try {
            Thread.sleep(2_000);
            cluster.kill(1);
            Thread.sleep(6_000);
        } finally {
            killing.close();
        }
        System.out.printf("%s, SIGKILL of one of 3 instances: %s%n", balancer, killing.counts());
        assertThat(killing.failures("GET"))
                .as("failed GETs around the SIGKILL: " + killing.counts())
                .isZero();
        assertThat(killing.failures("POST"))
                .as("failed POSTs around the SIGKILL, at most the writers' requests in flight: " + killing.counts())
                .isLessThanOrEqualTo(WRITERS);
        assertThat(killing.succeeded("POST")).isPositive();
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
