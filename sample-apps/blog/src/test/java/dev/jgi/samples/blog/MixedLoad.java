package dev.jgi.samples.blog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients looping on the blog through a balancer, each on its own keep-alive connection: readers GET
 * the front page and a static file; writers, logged in, POST a new post with their CSRF token. Every
 * answer is counted by method and outcome: {@code ok} for 2xx and 3xx, the status otherwise, or the
 * exception of a broken exchange.
 */
final class MixedLoad implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(10);

    private final URI base;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicInteger serial = new AtomicInteger();
    /** Each successful GET's end and duration, in nanoseconds, for percentiles over a window. */
    private final java.util.Queue<long[]> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private MixedLoad(URI base) {
        this.base = base;
    }

    /**
     * Logs the writers in (as {@code username}), then starts every client.
     *
     * @param readers clients that GET
     * @param writers clients that POST new posts
     */
    static MixedLoad start(URI base, int readers, int writers, String username, String password) throws Exception {
        MixedLoad load = new MixedLoad(base);
        List<BlogClient> loggedIn = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            BlogClient writer = new BlogClient(base::resolve);
            HttpResponse<String> login = writer.logIn(username, password);
            if (login.statusCode() != 303) {
                throw new AssertionError("log-in through the balancer answered " + login.statusCode());
            }
            loggedIn.add(writer);
        }
        for (int i = 0; i < readers; i++) {
            load.clients.add(Thread.ofVirtual().start(load::read));
        }
        for (BlogClient writer : loggedIn) {
            String token = writer.csrfToken("/admin");
            load.clients.add(Thread.ofVirtual().start(() -> load.write(writer, token)));
        }
        return load;
    }

    private void read() {
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            while (running.get()) {
                for (String path : List.of("/", "/static/css/blog.css")) {
                    count(
                            "GET",
                            () -> http.send(
                                            HttpRequest.newBuilder(base.resolve(path))
                                                    .timeout(Duration.ofSeconds(30))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode());
                }
                pause();
            }
        }
    }

    private void write(BlogClient writer, String token) {
        while (running.get()) {
            int n = serial.incrementAndGet();
            count(
                    "POST",
                    () -> writer.post(
                                    "/admin/posts",
                                    Map.of(
                                            "csrf_token",
                                            token,
                                            "title",
                                            "Load " + n,
                                            "body",
                                            "Written under load, number " + n))
                            .statusCode());
            pause();
        }
    }

    @FunctionalInterface
    private interface Exchange {
        int status() throws Exception;
    }

    private void count(String method, Exchange exchange) {
        String outcome;
        try {
            long began = System.nanoTime();
            int status = exchange.status();
            outcome = status >= 200 && status < 400 ? "ok" : String.valueOf(status);
            if (method.equals("GET") && outcome.equals("ok")) {
                long end = System.nanoTime();
                latencies.add(new long[] {end, end - began});
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName();
        }
        outcomes.computeIfAbsent(method + " " + outcome, o -> new AtomicInteger())
                .incrementAndGet();
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** The counts so far, by method and outcome, for example {@code GET ok=1234, POST 502=1}. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counts.put(outcome, n.get()));
        return counts;
    }

    /** The answers of {@code method} that were not 2xx or 3xx, broken exchanges included. */
    int failures(String method) {
        return counts().entrySet().stream()
                .filter(e -> e.getKey().startsWith(method + " ") && !e.getKey().equals(method + " ok"))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** The 99th percentile of the successful GETs that ended between the two {@link System#nanoTime()}s, in ms. */
    double p99Millis(long from, long to) {
        long[] sorted = latencies.stream()
                .filter(l -> l[0] >= from && l[0] < to)
                .mapToLong(l -> l[1])
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            throw new AssertionError("no successful GET in the window");
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
    }

    int succeeded(String method) {
        return counts().getOrDefault(method + " ok", 0);
    }

    /** Stops the clients after the exchange each has in flight, and waits for them. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
    }
}
