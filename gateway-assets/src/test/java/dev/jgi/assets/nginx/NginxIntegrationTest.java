package dev.jgi.assets.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jgi.assets.AssetServer;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.StaticUrls;
import dev.jgi.assets.collect.CollectStatic;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.testing.Nginx;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the nginx configuration of docs/static-assets.md, verbatim but for port, paths and upstream,
 * against a collect-static output and a JDK HttpServer standing in for {@code jgi serve}.
 */
class NginxIntegrationTest {

    @TempDir
    static Path dir;

    static Nginx nginx;
    static HttpServer backend;
    static AssetServer jgi;
    static final AtomicInteger backendHits = new AtomicInteger();
    static StaticUrls urls;
    static final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        Path jar = Fixtures.jar(
                dir.resolve("shop.jar"),
                Map.of("JGI-App", "com.example.Shop"),
                Map.of(
                        "static/css/site.css",
                        Fixtures.CSS.getBytes(StandardCharsets.UTF_8),
                        "static/img/logo.png",
                        Fixtures.random(4000, 5)));
        Path collected = dir.resolve("collected");
        CollectStatic.Result result = CollectStatic.run(List.of(jar), collected);
        urls = StaticUrls.of(result.manifest());

        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        backend.createContext("/", exchange -> {
            backendHits.incrementAndGet();
            byte[] body = ("backend " + exchange.getRequestURI().getPath() + " xff="
                            + exchange.getRequestHeaders().getFirst("X-Forwarded-For"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();

        String config = documentedConfig()
                .replace("/srv/jgi/static/", collected.toRealPath() + "/")
                .replace("127.0.0.1:8000", "127.0.0.1:" + backend.getAddress().getPort());
        nginx = Nginx.start(
                dir.resolve("nginx"), port -> config.replace("listen 80;", "listen 127.0.0.1:" + port + ";"));
        jgi = new AssetServer(
                result.manifest().prefix(), AssetIndex.ofDirectories(List.of(collected), IndexOptions.defaults()));
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (backend != null) {
            backend.stop(0);
        }
        if (jgi != null) {
            jgi.close();
        }
    }

    /** The nginx block of docs/static-assets.md, between its begin and end markers. */
    static String documentedConfig() throws Exception {
        Path root = Path.of(System.getProperty("jgi.root", "..")).toAbsolutePath();
        String doc = Files.readString(root.resolve("docs/static-assets.md"));
        String block = doc.substring(doc.indexOf("<!-- nginx.conf begin -->"), doc.indexOf("<!-- nginx.conf end -->"));
        return block.substring(block.indexOf("```nginx") + "```nginx".length(), block.lastIndexOf("```"));
    }

    private static HttpResponse<byte[]> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void hashedAssetIsServedWithImmutableCaching() throws Exception {
        String url = urls.url("css/site.css");
        assertThat(url).matches("/static/css/site\\.[0-9a-f]{8}\\.css");
        HttpResponse<byte[]> r = get(nginx.port(), url);
        assertThat(r.statusCode()).as(nginx.log()).isEqualTo(200);
        assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo(Fixtures.CSS);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(get(nginx.port(), url, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void precompressedGzipIsServedToClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> r = get(nginx.port(), urls.url("css/site.css"), "Accept-Encoding", "gzip");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(r.body().length).isLessThan(Fixtures.CSS.length());
        assertThat(new String(Fixtures.gunzip(r.body()), StandardCharsets.UTF_8))
                .isEqualTo(Fixtures.CSS);
    }

    @Test
    void plainNamesGetAShortMaxAge() throws Exception {
        HttpResponse<byte[]> r = get(nginx.port(), "/static/css/site.css");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    }

    @Test
    void everythingElseIsProxiedToTheApp() throws Exception {
        HttpResponse<byte[]> r = get(nginx.port(), "/shop/cart");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).asString(StandardCharsets.UTF_8).isEqualTo("backend /shop/cart xff=127.0.0.1");
    }

    @Test
    void missingAssetIs404WithoutReachingTheApp() throws Exception {
        int before = backendHits.get();
        assertThat(get(nginx.port(), "/static/css/missing.css").statusCode()).isEqualTo(404);
        assertThat(backendHits.get()).isEqualTo(before);
    }

    @Test
    void nginxAndTheJgiServerAgreeOnTheCollectedTree() throws Exception {
        for (String path : List.of(urls.url("css/site.css"), "/static/css/site.css", urls.url("img/logo.png"))) {
            for (String encoding : List.of("identity", "gzip")) {
                HttpResponse<byte[]> fromNginx = get(nginx.port(), path, "Accept-Encoding", encoding);
                HttpResponse<byte[]> fromJgi = get(jgi.port(), path, "Accept-Encoding", encoding);
                String what = path + " " + encoding;
                assertThat(fromJgi.statusCode()).as(what).isEqualTo(fromNginx.statusCode());
                assertThat(fromJgi.body()).as(what).isEqualTo(fromNginx.body());
                for (String header : List.of("Cache-Control", "Content-Encoding", "Content-Length")) {
                    assertThat(fromJgi.headers().firstValue(header))
                            .as(what + " " + header)
                            .isEqualTo(fromNginx.headers().firstValue(header));
                }
            }
        }
    }
}
