package dev.jgi.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket echo load: each connection sends a text message, waits for its echo, and sends the
 * next, for the given time. Prints one {@code JSON {...}} line: messages, seconds, errors and the
 * round-trip percentiles. Exits 1 if an echo differs from what was sent.
 *
 * <p>{@code --uri ws://127.0.0.1:PORT/ws --connections 64 --seconds 8 [--size 32]}
 */
public final class WebSocketLoad {
    private WebSocketLoad() {}

    public static void main(String[] args) throws Exception {
        URI uri = null;
        int connections = 64;
        int seconds = 8;
        int size = 32;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--uri" -> uri = URI.create(args[i + 1]);
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--size" -> size = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (uri == null) {
            throw new IllegalArgumentException("--uri is required");
        }
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<EchoLoop> loops = new ArrayList<>();
        List<CompletableFuture<?>> done = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            var loop = new EchoLoop(message(size, i), deadline);
            loops.add(loop);
            done.add(client.newWebSocketBuilder().buildAsync(uri, loop).thenCompose(loop::start));
        }
        long started = System.nanoTime();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long messages = loops.stream().mapToLong(EchoLoop::count).sum();
        long errors = loops.stream().mapToLong(EchoLoop::errors).sum();
        long[] rtt = loops.stream()
                .flatMapToLong(l -> Arrays.stream(l.roundTrips()))
                .sorted()
                .toArray();
        System.out.printf(
                "JSON {\"messages\":%d,\"seconds\":%.3f,\"errors\":%d,\"p50_us\":%d,\"p99_us\":%d}%n",
                messages, elapsed, errors, percentile(rtt, 0.50), percentile(rtt, 0.99));
        System.exit(loops.stream().anyMatch(EchoLoop::mismatched) ? 1 : 0);
    }

    private static String message(int size, int connection) {
        char[] text = new char[size];
        for (int i = 0; i < size; i++) {
            text[i] = (char) ('a' + (i + connection) % 26);
        }
        return new String(text);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1000;
    }
}
