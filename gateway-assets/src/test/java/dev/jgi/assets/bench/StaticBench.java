package dev.jgi.assets.bench;

import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.assets.undertow.StaticHandler;
import dev.jgi.testing.Command;
import dev.jgi.testing.Nginx;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static file throughput, one run, same machine: JGI's {@link StaticHandler}, Undertow's own
 * {@link ResourceHandler} (defaults) and nginx (one worker, sendfile) serve the same directory; each is
 * warmed up, then measured with {@code wrk -t1 -c64}. Prints a table and the ratios.
 * <p>Arguments: {@code [seconds=8] [warmupSeconds=4]}. Run through {@code bench/static/run.sh}.
 */
public final class StaticBench {

    private record Result(double requestsPerSecond, String p99, String transfer, boolean allOk) {}

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+(\\S+)");
    private static final Pattern TRANSFER = Pattern.compile("Transfer/sec:\\s+(\\S+)");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path work = Files.createTempDirectory("jgi-static-bench-");
        Path root = Files.createDirectories(work.resolve("files"));
        Random random = new Random(1);
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("16 KiB", 16 * 1024);
        sizes.put("1 MiB", 1024 * 1024);
        for (Map.Entry<String, Integer> size : sizes.entrySet()) {
            byte[] bytes = new byte[size.getValue()];
            random.nextBytes(bytes);
            Files.write(root.resolve(fileName(size.getKey())), bytes);
        }

        AssetIndex index = AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults());
        Undertow jgi = undertow(new StaticHandler(new UrlPrefix("/static"), index, ResponseCodeHandler.HANDLE_404));
        Undertow resource = undertow(new PathHandler(ResponseCodeHandler.HANDLE_404)
                .addPrefixPath("/static", new ResourceHandler(new PathResourceManager(root))));
        Path files = root.toRealPath();
        Nginx nginx = Nginx.start(work.resolve("nginx"), port -> """
                sendfile on;
                tcp_nopush on;
                server {
                    listen 127.0.0.1:%d;
                    location /static/ { alias %s/; }
                }
                """.formatted(port, files));
        Map<String, Integer> servers = new LinkedHashMap<>();
        servers.put("JGI StaticHandler", port(jgi));
        servers.put("Undertow ResourceHandler", port(resource));
        servers.put("nginx (1 worker, sendfile)", nginx.port());
        try {
            System.out.printf(
                    "wrk -t1 -c64 -d%ds after a %d s warm-up; %d cores; Java %s%n%n",
                    seconds, warmup, Runtime.getRuntime().availableProcessors(), Runtime.version());
            List<String> table = new ArrayList<>();
            for (String size : sizes.keySet()) {
                Map<String, Result> results = new LinkedHashMap<>();
                for (Map.Entry<String, Integer> server : servers.entrySet()) {
                    String url = "http://127.0.0.1:" + server.getValue() + "/static/" + fileName(size);
                    wrk(url, warmup);
                    results.put(server.getKey(), wrk(url, seconds));
                }
                double jgiRps = results.get("JGI StaticHandler").requestsPerSecond();
                for (Map.Entry<String, Result> r : results.entrySet()) {
                    Result x = r.getValue();
                    table.add(String.format(
                            "| %-7s | %-27s | %,10.0f | %8s | %9s | %5.2f× | %s |",
                            size,
                            r.getKey(),
                            x.requestsPerSecond(),
                            x.p99(),
                            x.transfer(),
                            jgiRps / x.requestsPerSecond(),
                            x.allOk() ? "all 200" : "ERRORS OR NON-2xx"));
                }
            }
            System.out.println(
                    "| file    | server                      |      req/s |      p99 |  transfer | JGI ÷ this | responses |");
            System.out.println("|---|---|---|---|---|---|---|");
            table.forEach(System.out::println);
        } finally {
            nginx.close();
            jgi.stop();
            resource.stop();
            index.close();
            try (var paths = Files.walk(work)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String fileName(String size) {
        return size.replace(" ", "").toLowerCase(Locale.ROOT) + ".bin";
    }

    private static Undertow undertow(HttpHandler handler) {
        Undertow server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(handler)
                .build();
        server.start();
        return server;
    }

    private static int port(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static Result wrk(String url, int seconds) {
        String out = Command.of("wrk", "-t1", "-c64", "-d" + seconds + "s", "--latency", url)
                .run(Duration.ofSeconds(seconds + 60L))
                .successfulOutput();
        Matcher rps = RPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        Matcher transfer = TRANSFER.matcher(out);
        if (!rps.find() || !p99.find() || !transfer.find()) {
            throw new IllegalStateException("cannot read wrk's output: " + out);
        }
        return new Result(
                Double.parseDouble(rps.group(1)),
                p99.group(1),
                transfer.group(1),
                !out.contains("Non-2xx") && !out.contains("Socket errors"));
    }
}
