package dev.jgi.assets.undertow;

import static dev.jgi.assets.Fixtures.CSS;
import static dev.jgi.assets.Fixtures.SECRET;
import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.AssetServer;
import dev.jgi.assets.ContentHash;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.http.HttpDates;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticHandlerTest {

    private static final Instant MODIFIED = Instant.parse("2026-03-04T05:06:07Z");
    private static final byte[] BIG = Fixtures.random(1024 * 1024 + 17, 7);
    private static final byte[] PNG = Fixtures.random(3000, 3);

    @TempDir
    static Path base;

    static AssetServer server;
    static String cssHash;

    @BeforeAll
    static void start() throws Exception {
        Path root = base.resolve("root");
        byte[] css = CSS.getBytes(StandardCharsets.UTF_8);
        cssHash = ContentHash.sha256(css);
        Fixtures.write(root, "css/site.css", css);
        Fixtures.write(root, "css/site.css.gz", Fixtures.gzip(css));
        Fixtures.write(root, "css/site.css.br", Fixtures.brotli(css));
        Fixtures.write(root, "js/app.js", "console.log('hi');\n");
        Fixtures.write(root, "img/logo.png", PNG);
        Fixtures.write(root, "big.bin", BIG);
        Fixtures.write(root, "empty.txt", new byte[0]);
        Fixtures.write(root, ".env", SECRET);
        Fixtures.write(root, ".git/config", SECRET);
        Fixtures.write(root, "archive.tar.gz", Fixtures.gzip(new byte[100]));
        Files.createDirectories(root.resolve("sub"));
        Fixtures.write(base, "secret.txt", SECRET);
        Fixtures.write(base, "outside/leak.txt", SECRET);
        Files.createSymbolicLink(root.resolve("link-out.txt"), base.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dir-out"), base.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link-in.css"), root.resolve("css/site.css"));
        try (var files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(MODIFIED));
            }
        }
        AssetIndex index = AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults());
        server = new AssetServer(new UrlPrefix("/static"), index);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesFileWithTypeLengthAndValidators() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/js/app.js");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("console.log('hi');\n");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Length")).hasValue("19");
        assertThat(r.headers().firstValue("ETag"))
                .hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{16}\""));
        assertThat(r.headers().firstValue("Last-Modified")).hasValue("Wed, 04 Mar 2026 05:06:07 GMT");
        assertThat(r.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    }

    @Test
    void textTypesCarryUtf8CharsetAndBinaryTypesDoNot() throws Exception {
        assertThat(server.get("/static/css/site.css").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
        HttpResponse<byte[]> png = server.get("/static/img/logo.png");
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).isEqualTo(PNG);
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagYields304WithoutBody() throws Exception {
        String etag =
                server.get("/static/js/app.js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> r = server.get("/static/js/app.js", "If-None-Match", "\"other\", W/" + etag);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("ETag")).hasValue(etag);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
    }

    @Test
    void staleIfNoneMatchYieldsTheFullBodyEvenWhenIfModifiedSinceIsFresh() throws Exception {
        HttpResponse<byte[]> r = server.get(
                "/static/js/app.js",
                "If-None-Match",
                "\"stale\"",
                "If-Modified-Since",
                HttpDates.format(MODIFIED.plusSeconds(60)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).hasSize(19);
    }

    @Test
    void ifModifiedSinceDecidesWhenThereIsNoIfNoneMatch() throws Exception {
        assertThat(server.get("/static/js/app.js", "If-Modified-Since", HttpDates.format(MODIFIED))
                        .statusCode())
                .isEqualTo(304);
        assertThat(server.get("/static/js/app.js", "If-Modified-Since", HttpDates.format(MODIFIED.minusSeconds(1)))
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.get("/static/js/app.js", "If-Modified-Since", "not a date")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void singleRangeYields206WithContentRange() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/img/logo.png", "Range", "bytes=10-19");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 10-19/3000");
        assertThat(r.headers().firstValue("Content-Length")).hasValue("10");
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(PNG, 10, 20));
    }

    @Test
    void suffixAndOpenEndedRangesSelectTheTail() throws Exception {
        HttpResponse<byte[]> suffix = server.get("/static/img/logo.png", "Range", "bytes=-5");
        assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes 2995-2999/3000");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(PNG, 2995, 3000));
        HttpResponse<byte[]> open = server.get("/static/img/logo.png", "Range", "bytes=2990-");
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(PNG, 2990, 3000));
        HttpResponse<byte[]> clipped = server.get("/static/img/logo.png", "Range", "bytes=2998-99999");
        assertThat(clipped.headers().firstValue("Content-Range")).hasValue("bytes 2998-2999/3000");
    }

    @Test
    void rangeStartingBeyondTheEndYields416WithTheSize() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/img/logo.png", "Range", "bytes=3000-3001");
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */3000");
        assertThat(r.body()).isEmpty();
        assertThat(server.get("/static/empty.txt", "Range", "bytes=0-").statusCode())
                .isEqualTo(416);
    }

    @Test
    void multipleOrMalformedRangesYieldTheFullBody() throws Exception {
        for (String range : List.of("bytes=0-1,5-6", "bytes=abc", "items=0-1", "bytes=5-2")) {
            HttpResponse<byte[]> r = server.get("/static/img/logo.png", "Range", range);
            assertThat(r.statusCode()).as(range).isEqualTo(200);
            assertThat(r.body()).as(range).isEqualTo(PNG);
        }
    }

    @Test
    void ifRangeWithAStaleValidatorYieldsTheFullBody() throws Exception {
        String etag =
                server.get("/static/img/logo.png").headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/static/img/logo.png", "Range", "bytes=0-1", "If-Range", etag)
                        .statusCode())
                .isEqualTo(206);
        assertThat(server.get("/static/img/logo.png", "Range", "bytes=0-1", "If-Range", "\"stale\"")
                        .statusCode())
                .isEqualTo(200);
        assertThat(server.get("/static/img/logo.png", "Range", "bytes=0-1", "If-Range", HttpDates.format(MODIFIED))
                        .statusCode())
                .isEqualTo(206);
    }

    @Test
    void largeFileIsSentWholeFromDisk() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/big.bin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue(String.valueOf(BIG.length));
        assertThat(ContentHash.sha256(r.body())).isEqualTo(ContentHash.sha256(BIG));
    }

    @Test
    void clientsThatHangUpMidTransferLeaveNoOpenFile() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.setReceiveBufferSize(4096);
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
                socket.getOutputStream()
                        .write("GET /static/big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getInputStream().readNBytes(1000);
            }
        }
        eventually(() -> assertThat(openHandlesOf("big.bin")).isZero());
    }

    private static long openHandlesOf(String name) throws Exception {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                        try {
                            return Files.readSymbolicLink(fd).toString().endsWith(name);
                        } catch (Exception gone) {
                            return false;
                        }
                    })
                    .count();
        }
    }

    @Test
    void rangeOfALargeFileIsSentFromDisk() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/big.bin", "Range", "bytes=500000-900000");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(ContentHash.sha256(r.body())).isEqualTo(ContentHash.sha256(Arrays.copyOfRange(BIG, 500000, 900001)));
    }

    @Test
    void headHasTheHeadersOfGetButNoBody() throws Exception {
        for (String path : List.of("/static/css/site.css", "/static/big.bin")) {
            HttpResponse<byte[]> get = server.get(path);
            HttpResponse<byte[]> head = server.send(server.request(path)
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            for (String name : List.of("Content-Length", "Content-Type", "ETag", "Last-Modified", "Cache-Control")) {
                assertThat(head.headers().firstValue(name))
                        .as(name)
                        .isEqualTo(get.headers().firstValue(name));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void otherMethodsGet405WithAllow(String method) throws Exception {
        HttpResponse<byte[]> r = server.send(server.request("/static/js/app.js")
                .method(method, HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void smallestAcceptedPrecompressedVariantIsChosen() throws Exception {
        HttpResponse<byte[]> br = server.get("/static/css/site.css", "Accept-Encoding", "gzip, deflate, br");
        assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(br.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        HttpResponse<byte[]> gz = server.get("/static/css/site.css", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(Fixtures.gunzip(gz.body()), StandardCharsets.UTF_8))
                .isEqualTo(CSS);
        assertThat(gz.headers().firstValue("ETag")).isNotEqualTo(br.headers().firstValue("ETag"));
    }

    @Test
    void codingWithQualityZeroIsNeverChosen() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/css/site.css", "Accept-Encoding", "br;q=0, gzip;q=0.5");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<byte[]> none = server.get("/static/css/site.css", "Accept-Encoding", "br;q=0, gzip;q=0");
        assertThat(none.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(none.body(), StandardCharsets.UTF_8)).isEqualTo(CSS);
        assertThat(none.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    }

    @Test
    void withoutAcceptEncodingTheIdentityIsSentAndVaryStillSaysSo() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/css/site.css");
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> notModified = server.get("/static/css/site.css", "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(server.get("/static/js/app.js").headers().firstValue("Vary")).isEmpty();
    }

    @Test
    void rangeRequestIsAnsweredFromTheIdentityForm() throws Exception {
        HttpResponse<byte[]> r =
                server.get("/static/css/site.css", "Accept-Encoding", "br, gzip", "Range", "bytes=0-3");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("body");
    }

    @Test
    void precompressedSiblingIsNotServedAtItsOwnUrlButALoneGzipFileIs() throws Exception {
        assertThat(server.get("/static/css/site.css.gz").statusCode()).isEqualTo(404);
        assertThat(server.get("/static/css/site.css.br").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> tgz = server.get("/static/archive.tar.gz");
        assertThat(tgz.statusCode()).isEqualTo(200);
        assertThat(tgz.headers().firstValue("Content-Type")).hasValue("application/gzip");
    }

    @Test
    void contentHashedNameIsServedWithImmutableCaching() throws Exception {
        String hashed = "/static/css/site." + cssHash.substring(0, 8) + ".css";
        HttpResponse<byte[]> r = server.get(hashed, "Accept-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(server.get("/static/css/site.css").headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=60");
        assertThat(server.get("/static/css/site.0badc0de.css").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownPathUnderThePrefixIs404AndNeverReachesTheApp() throws Exception {
        for (String path : List.of("/static/nope.css", "/static/", "/static", "/static/sub", "/static/sub/")) {
            HttpResponse<byte[]> r = server.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain(AssetServer.APP_BODY);
        }
    }

    @Test
    void pathsOutsideThePrefixReachTheApp() throws Exception {
        for (String path : List.of("/", "/staticky/app.js", "/other/static/js/app.js")) {
            HttpResponse<byte[]> r = server.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(AssetServer.APP_BODY);
        }
    }

    @Test
    void dotfilesAreNeverServed() throws Exception {
        assertThat(server.get("/static/.env").statusCode()).isEqualTo(404);
        assertThat(server.get("/static/.git/config").statusCode()).isEqualTo(404);
    }

    @Test
    void symlinksLeavingTheRootAreRefusedAndThoseInsideAreServed() throws Exception {
        assertThat(server.get("/static/link-out.txt").statusCode()).isEqualTo(404);
        assertThat(server.get("/static/dir-out/leak.txt").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> inside = server.get("/static/link-in.css");
        assertThat(inside.statusCode()).isEqualTo(200);
        assertThat(new String(inside.body(), StandardCharsets.UTF_8)).isEqualTo(CSS);
    }

    @Test
    void emptyFileIsServedWithZeroLength() throws Exception {
        HttpResponse<byte[]> r = server.get("/static/empty.txt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Length")).hasValue("0");
    }
}
