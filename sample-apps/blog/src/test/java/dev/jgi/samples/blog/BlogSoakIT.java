package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Postgres;
import dev.jgi.testing.Command;
import dev.jgi.testing.Nginx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A soak: the three instances of docs/deploy-scale-out.md behind its nginx, under mixed GET and POST
 * load for {@code jgi.soak.seconds} (60 by default, the quick mode the build runs; the full mode is
 * {@code mvn -pl sample-apps/blog verify -Dit.test=BlogSoakIT -Djgi.soak.seconds=600}). Asserts no
 * failed request; per instance, heap after a full GC, live threads and open file descriptors at the
 * end within a bound of their value after the warm-up; PostgreSQL connections within the budget
 * throughout; the GETs' p99 at the end within 1.5 times that at the start.
 */
class BlogSoakIT {

    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("jgi.soak.seconds", 60));
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int POOL = 5;
    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\w+)(\\{[^}]*\\})? (\\S+)$");

    @TempDir
    Path dir;

    /** What one instance holds at a moment, after a full GC. */
    private record Footprint(double heapBytes, double threads, double openFds) {}

    @Test
    void mixedLoadOnThreeInstancesLeaksNothingAndStaysAsFast() throws Exception {
        try (Postgres postgres = Postgres.start()) {
            ScaleOutGuide.Site site = ScaleOutGuide.site(postgres, "soak", dir);
            try (JgiCluster cluster = ScaleOutGuide.cluster(site.envFile(), dir);
                    HttpClient http = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .build()) {
                String block = ScaleOutGuide.balancer("nginx", cluster);
                try (Nginx nginx = Nginx.start(
                        dir.resolve("nginx"),
                        port -> block.replace("listen 8080;", "listen 127.0.0.1:" + port + ";"))) {
                    soak(cluster, http, URI.create("http://127.0.0.1:" + nginx.port() + "/"), site.databaseUrl());
                }
            }
        }
    }

    private void soak(JgiCluster cluster, HttpClient http, URI base, String databaseUrl) throws Exception {
        MixedLoad load = MixedLoad.start(base, 6, 2, "admin", ScaleOutGuide.ADMIN_PASSWORD);
        List<Footprint> before = new ArrayList<>();
        List<Footprint> after = new ArrayList<>();
        int peakConnections = 0;
        long started;
        long ended;
        try {
            Thread.sleep(WARM_UP.toMillis());
            for (int i = 0; i < cluster.size(); i++) {
                before.add(footprint(cluster, i, http));
            }
            started = System.nanoTime();
            long end = started + LOAD.toNanos();
            // One sampling connection for the whole run: a fresh one each second would leave the
            // last one's backend exiting beside it, counted once too often.
            try (Connection sampler = DriverManager.getConnection(
                    databaseUrl.replace("postgres://postgres@", "jdbc:postgresql://") + "?user=postgres")) {
                while (System.nanoTime() < end) {
                    peakConnections = Math.max(peakConnections, clientConnections(sampler));
                    Thread.sleep(1_000);
                }
            }
            ended = System.nanoTime();
            for (int i = 0; i < cluster.size(); i++) {
                after.add(footprint(cluster, i, http));
            }
        } finally {
            load.close();
        }
        double p99First = load.p99Millis(started, started + WINDOW.toNanos());
        double p99Last = load.p99Millis(ended - WINDOW.toNanos(), ended);
        System.out.printf(
                "soak of %d s, 3 instances behind nginx: %s; footprints after the warm-up %s, at the end %s;"
                        + " peak PostgreSQL connections %d; GET p99 first %.0f s %.1f ms, last %.0f s %.1f ms%n",
                LOAD.toSeconds(),
                load.counts(),
                before,
                after,
                peakConnections,
                (double) WINDOW.toSeconds(),
                p99First,
                (double) WINDOW.toSeconds(),
                p99Last);
        assertThat(load.failures("GET") + load.failures("POST"))
                .as("failed requests: " + load.counts())
                .isZero();
        for (int i = 0; i < cluster.size(); i++) {
            Footprint start = before.get(i);
            Footprint end = after.get(i);
            // 10 % of what it held, with a floor for the noise of one short run.
            assertThat(end.heapBytes())
                    .as("heap after GC, instance " + i)
                    .isLessThanOrEqualTo(start.heapBytes() * 1.1 + 16e6);
            assertThat(end.threads()).as("live threads, instance " + i).isLessThanOrEqualTo(start.threads() + 10);
            assertThat(end.openFds())
                    .as("open descriptors, instance " + i)
                    .isLessThanOrEqualTo(start.openFds() * 1.1 + 10);
        }
        // Each instance's pool and readiness connection.
        assertThat(peakConnections).isLessThanOrEqualTo(cluster.size() * (POOL + 1));
        // 1.5 times, with a floor: on the shared machine a 10 s window's p99 of a few ms jumps by more.
        assertThat(p99Last).isLessThanOrEqualTo(Math.max(p99First * 1.5, p99First + 50));
    }

    /** A full GC in the instance ({@code jcmd GC.run}), then its heap, threads and descriptors from {@code /metrics}. */
    private static Footprint footprint(JgiCluster cluster, int instance, HttpClient http) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Command.of(jcmd.toString(), String.valueOf(cluster.pid(instance)), "GC.run")
                .run(Duration.ofSeconds(60))
                .successfulOutput();
        String metrics = http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + cluster.adminPort(instance) + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return new Footprint(
                sum(metrics, "jvm_memory_used_bytes", "area=\"heap\""),
                sum(metrics, "jvm_threads_current", ""),
                sum(metrics, "process_open_fds", ""));
    }

    /** The sum of a metric's samples whose labels contain {@code labels}; fails when there is none. */
    private static double sum(String metrics, String name, String labels) {
        Matcher sample = SAMPLE.matcher(metrics);
        double total = 0;
        boolean found = false;
        while (sample.find()) {
            String sampleLabels = sample.group(2) == null ? "" : sample.group(2);
            if (sample.group(1).equals(name) && sampleLabels.contains(labels)) {
                total += Double.parseDouble(sample.group(3));
                found = true;
            }
        }
        assertThat(found).as(name + " in /metrics").isTrue();
        return total;
    }

    /**
     * The client connections to the blog's database but {@code sampler}'s own; autovacuum workers
     * show in {@code pg_stat_activity} with the database's name too, and are not the blog's.
     */
    private static int clientConnections(Connection sampler) throws Exception {
        try (Statement s = sampler.createStatement();
                ResultSet rows =
                        s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
