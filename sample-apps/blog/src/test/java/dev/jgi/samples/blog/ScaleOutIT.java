package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.HAProxy;
import dev.jgi.samples.testing.Postgres;
import dev.jgi.samples.testing.RoomConnection;
import dev.jgi.testing.Nginx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/deploy-scale-out.md for real: three {@code bin/jgi serve} instances of the blog jar on one
 * PostgreSQL and two of the chat jar, behind the guide's nginx and then its HAProxy configuration,
 * used verbatim (ports and paths replaced), under GET and POST load through a rolling restart (with
 * WebSocket and event-stream clients of the chat), a PostgreSQL restart and a SIGKILL. The counts go
 * to standard output for the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final int READERS = 6;
    private static final int WRITERS = 2;
    private static final int SOCKETS = 2;
    private static final int STREAMS = 2;
    /** How long HAProxy needs to take a ready instance back: rise 2 × inter 1s, and a check's round trip. */
    private static final Duration BACK_IN_ROTATION = Duration.ofMillis(2_500);
    /** How long PostgreSQL stays down mid-load. */
    private static final Duration OUTAGE = Duration.ofSeconds(6);

    @TempDir
    Path dir;

    private Postgres postgres;
    // One set of instances for both balancers: starting them is the slowest part of the test.
    private JgiCluster cluster;
    private JgiCluster chat;

    @BeforeAll
    void instances(@TempDir Path site) throws Exception {
        postgres = Postgres.start();
        Path envFile = ScaleOutGuide.site(postgres, "scaleout", site).envFile();
        cluster = ScaleOutGuide.cluster(envFile, site);
        chat = ScaleOutGuide.chat(envFile, site);
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {chat, cluster, postgres}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void behindNginxARollingRestartLosesNothingAndASigkillOnlyPostsInFlight() throws Exception {
        cluster.restartExited();
        String block = ScaleOutGuide.balancer("nginx", cluster, chat);
        try (Nginx nginx = Nginx.start(
                dir.resolve("nginx"), port -> block.replace("listen 8080;", "listen 127.0.0.1:" + port + ";"))) {
            URI base = URI.create("http://127.0.0.1:" + nginx.port() + "/");
            exercise("nginx", base, Duration.ZERO, nginx::log);
        }
    }

    @Test
    void behindHAProxyARollingRestartLosesNothingAndASigkillOnlyPostsInFlight() throws Exception {
        cluster.restartExited();
        int port = freePort();
        String config = ScaleOutGuide.balancer("haproxy", cluster, chat)
                .replace("bind 127.0.0.1:8080", "bind 127.0.0.1:" + port);
        try (HAProxy haproxy = HAProxy.start(dir.resolve("haproxy"), config, port)) {
            // Every instance in the rotation before the load starts.
            Thread.sleep(BACK_IN_ROTATION.toMillis());
            exercise("HAProxy", URI.create("http://127.0.0.1:" + port + "/"), BACK_IN_ROTATION, haproxy::output);
        }
    }

    /**
     * The rolling restart (a chat instance restarting alongside each of the first blog instances),
     * then the database restart, then the SIGKILL, each under its own load; asserts what the guide
     * promises. A failure quotes {@code balancerLog}: which upstream failed a request, and how.
     */
    private void exercise(String balancer, URI base, Duration settle, Supplier<String> balancerLog) throws Exception {
        List<Double> restarts = new ArrayList<>();
        MixedLoad rolling = MixedLoad.start(base, READERS, WRITERS, "admin", ScaleOutGuide.ADMIN_PASSWORD);
        ChatLoad chatting = ChatLoad.start(base, SOCKETS, STREAMS);
        try {
            Thread.sleep(2_000);
            for (int i = 0; i < cluster.size(); i++) {
                int instance = i;
                CompletableFuture<Double> chatRestart = i < chat.size()
                        ? CompletableFuture.supplyAsync(() -> restart(chat, instance), Thread::startVirtualThread)
                        : CompletableFuture.completedFuture(0.0);
                restarts.add(cluster.restart(i));
                chatRestart.join();
                Thread.sleep(settle.toMillis());
            }
            Thread.sleep(2_000);
        } finally {
            chatting.close();
            rolling.close();
        }
        System.out.printf(
                "%s, rolling restart of 3 blog and 2 chat instances (blog seconds each %s): %s; chat clients %s%n",
                balancer, restarts, rolling.counts(), chatting.counts());
        assertThat(rolling.succeeded("GET")).isPositive();
        assertThat(rolling.succeeded("POST")).isPositive();
        assertThat(rolling.failures("GET") + rolling.failures("POST"))
                .as(() -> "failed requests during the rolling restart: " + rolling.counts() + "\n" + balancerLog.get())
                .isZero();
        // Every client was on one of the two chat instances, and both drained: each saw at least one
        // 1001 or clean end, and reconnected through the balancer; nothing was refused or cut.
        assertThat(chatting.counts().keySet())
                .as("chat clients' outcomes during the rolling restart: " + chatting.counts())
                .containsOnly(
                        "WebSocket opened", "WebSocket close 1001", "SSE opened", "SSE " + RoomConnection.CLEAN_END);
        assertThat(chatting.count("WebSocket close 1001")).isGreaterThanOrEqualTo(SOCKETS);
        assertThat(chatting.count("SSE " + RoomConnection.CLEAN_END)).isGreaterThanOrEqualTo(STREAMS);
        assertThat(chatting.count("WebSocket opened")).isGreaterThan(SOCKETS);
        assertThat(chatting.count("SSE opened")).isGreaterThan(STREAMS);

        databaseRestart(balancer, base, settle);

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

    /**
     * PostgreSQL stopped for {@link #OUTAGE} under the mixed load, then started again: every
     * instance's {@code /readyz} says 503 while it is down and 200 after; the clients get only 503s
     * meanwhile (no 500, no 502, no broken or timed-out exchange), and 200s again soon after.
     */
    private void databaseRestart(String balancer, URI base, Duration settle) throws Exception {
        MixedLoad load = MixedLoad.start(base, READERS, WRITERS, "admin", ScaleOutGuide.ADMIN_PASSWORD);
        double notReady;
        double readyAgain;
        double frontPageAgain;
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            Thread.sleep(2_000);
            postgres.stopServer();
            long stopped = System.nanoTime();
            notReady = secondsUntil(() -> noneReady(cluster), stopped);
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            postgres.startServer();
            long started = System.nanoTime();
            readyAgain = secondsUntil(() -> allReady(cluster), started);
            frontPageAgain = secondsUntil(
                    () -> http.send(
                                            HttpRequest.newBuilder(base)
                                                    .timeout(Duration.ofSeconds(30))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200,
                    started);
            Thread.sleep(2_000);
        } finally {
            load.close();
        }
        System.out.printf(
                "%s, PostgreSQL stopped %d s under load: %s; every /readyz 503 after %.2f s, 200 again %.2f s after"
                        + " the restart; the front page 200 again through the balancer after %.2f s%n",
                balancer, OUTAGE.toSeconds(), load.counts(), notReady, readyAgain, frontPageAgain);
        assertThat(load.counts().keySet())
                .as("outcomes around the database restart: " + load.counts())
                .isSubsetOf("GET ok", "GET 503", "POST ok", "POST 503")
                .contains("GET 503", "GET ok", "POST ok");
        // The readiness check runs once a second, and a connection to a stopped server fails at once.
        assertThat(notReady).as("seconds until every /readyz said 503").isLessThan(5);
        assertThat(readyAgain).as("seconds until every /readyz said 200 again").isLessThan(5);
        assertThat(frontPageAgain)
                .as("seconds until the balancer served the front page again")
                .isLessThan(5.0 + settle.toSeconds());
    }

    private static double restart(JgiCluster cluster, int instance) {
        try {
            return cluster.restart(instance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting instance " + instance, e);
        }
    }

    private static boolean noneReady(JgiCluster cluster) throws InterruptedException {
        for (int i = 0; i < cluster.size(); i++) {
            if (cluster.ready(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allReady(JgiCluster cluster) throws InterruptedException {
        for (int i = 0; i < cluster.size(); i++) {
            if (!cluster.ready(i)) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Seconds from {@code since} until {@code condition} holds, polled; fails after 60 s. */
    private static double secondsUntil(Condition condition, long since) throws Exception {
        long deadline = since + Duration.ofSeconds(60).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("60 s passed").isLessThan(deadline);
            Thread.sleep(50);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
