package dev.jgi.compression;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.server.GatewayServer;
import dev.jgi.validator.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both middlewares on the reference server, inside the validator, over real sockets. */
class CompressionTest {

    private static final String TEXT = "All work and no play makes Jack a dull boy.\n".repeat(200);
    private static final CountDownLatch FIRST_LINE_DECODED = new CountDownLatch(1);

    private static GatewayServer sync;
    private static GatewayServer async;
    private static HttpClient client;

    /** What the sync application answers, by path. */
    private static final Application APP = (request, exchange) -> switch (request.path()) {
        case "/text" -> Response.text(200, TEXT).withHeader("etag", "\"v1\"");
        case "/small" -> Response.text(200, "tiny");
        case "/png" -> Response.of(200, Headers.of("content-type", "image/png"), Body.of(TEXT));
        case "/encoded" ->
            Response.of(200, Headers.of("content-type", "text/plain", "content-encoding", "gzip"), Body.of(TEXT));
        case "/partial" ->
            Response.of(
                    206,
                    Headers.of("content-type", "text/plain", "content-range", "bytes 0-8799/100000"),
                    Body.of(TEXT));
        case "/stream" ->
            Response.of(200, Headers.of("content-type", "text/event-stream"), Body.writer(out -> {
                out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    if (!FIRST_LINE_DECODED.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("the client never decoded the first event");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            }));
        default -> Response.text(404, "no");
    };

    /** The same text in three pieces, the async way. */
    private static final AsyncApplication ASYNC_APP = (request, channel) -> {
        byte[] third = TEXT.substring(0, TEXT.length() / 3).getBytes(StandardCharsets.UTF_8);
        return channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
                .thenCompose(x -> channel.send(new Action.ResponseBody(ByteBuffer.wrap(third), true)))
                .thenCompose(x -> channel.send(new Action.ResponseBody(ByteBuffer.wrap(third), true)))
                .thenCompose(x -> channel.send(new Action.ResponseBody(ByteBuffer.wrap(third), false)));
    };

    @BeforeAll
    static void start() {
        sync = GatewayServer.builder(Validator.wrap(Compression.middleware().wrap(APP)))
                .bind("127.0.0.1", 0)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        sync.start();
        async = GatewayServer.builderAsync(
                        Validator.wrapAsync(Compression.asyncMiddleware().wrap(ASYNC_APP)))
                .bind("127.0.0.1", 0)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        async.start();
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        sync.close();
        async.close();
    }

    private static HttpResponse<byte[]> get(GatewayServer server, String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (acceptEncoding != null) {
            request.header("accept-encoding", acceptEncoding);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String unbrotli(byte[] body) throws IOException {
        Brotli4jLoader.ensureAvailability();
        try (InputStream in = new BrotliInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void gzipWhenTheClientAsksForIt() throws Exception {
        HttpResponse<byte[]> response = get(sync, "/text", "gzip");
        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("vary")).hasValue("accept-encoding");
        assertThat(response.headers().firstValue("etag")).hasValue("W/\"v1\"");
        assertThat(response.body().length).isLessThan(TEXT.length() / 10);
        assertThat(gunzip(response.body())).isEqualTo(TEXT);
    }

    @Test
    void brotliIsPreferredOnATieAndDecodes() throws Exception {
        HttpResponse<byte[]> response = get(sync, "/text", "gzip, deflate, br");
        assertThat(response.headers().firstValue("content-encoding")).hasValue("br");
        assertThat(unbrotli(response.body())).isEqualTo(TEXT);
    }

    @Test
    void weightsDecide() throws Exception {
        assertThat(get(sync, "/text", "br;q=0.5, gzip;q=1").headers().firstValue("content-encoding"))
                .hasValue("gzip");
        assertThat(get(sync, "/text", "*;q=0.2, br;q=0").headers().firstValue("content-encoding"))
                .hasValue("gzip");
        assertThat(get(sync, "/text", "x-gzip").headers().firstValue("content-encoding"))
                .hasValue("gzip");
        assertThat(get(sync, "/text", "gzip;q=0, br;q=0.000").headers().firstValue("content-encoding"))
                .isEmpty();
    }

    @Test
    void identityOnlyOrNoHeaderSendsTheBodyAsItIsButStillVaries() throws Exception {
        for (String accept : new String[] {"identity", null}) {
            HttpResponse<byte[]> response = get(sync, "/text", accept);
            assertThat(response.headers().firstValue("content-encoding")).isEmpty();
            assertThat(response.headers().firstValue("vary")).hasValue("accept-encoding");
            assertThat(response.headers().firstValue("content-length")).hasValue(Integer.toString(TEXT.length()));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        }
    }

    @Test
    void neverCompressesRangesEncodedSmallOrIncompressibleBodies() throws Exception {
        for (String path : new String[] {"/partial", "/encoded", "/small", "/png"}) {
            HttpResponse<byte[]> response = get(sync, path, "gzip, br");
            assertThat(response.headers().allValues("content-encoding"))
                    .as(path)
                    .isSubsetOf("gzip")
                    .hasSizeLessThanOrEqualTo(1);
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .as(path)
                    .isEqualTo(path.equals("/small") ? "tiny" : TEXT);
        }
        assertThat(get(sync, "/partial", "gzip").headers().firstValue("vary")).isEmpty();
    }

    @Test
    void headGetsNoCodingButTheVary() throws Exception {
        HttpResponse<Void> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sync.port() + "/text"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("accept-encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("content-encoding")).isEmpty();
        assertThat(response.headers().firstValue("vary")).hasValue("accept-encoding");
    }

    @Test
    void aFlushReachesTheClientDecodableBeforeTheBodyEnds() throws Exception {
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sync.port() + "/stream"))
                        .header("accept-encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-encoding")).hasValue("gzip");
        try (InputStream events = new GZIPInputStream(response.body())) {
            // The second event is written only after this read returned: the flush carried the first.
            assertThat(new String(events.readNBytes("data: first\n\n".length()), StandardCharsets.UTF_8))
                    .isEqualTo("data: first\n\n");
            FIRST_LINE_DECODED.countDown();
            assertThat(new String(events.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("data: second\n\n");
        }
    }

    @Test
    void theAsyncMiddlewareCodesEachPieceAndTheWholeDecodes() throws Exception {
        HttpResponse<byte[]> gzip = get(async, "/", "gzip");
        assertThat(gzip.headers().firstValue("content-encoding")).hasValue("gzip");
        String third = TEXT.substring(0, TEXT.length() / 3);
        assertThat(gunzip(gzip.body())).isEqualTo(third.repeat(3));
        HttpResponse<byte[]> br = get(async, "/", "br");
        assertThat(unbrotli(br.body())).isEqualTo(third.repeat(3));
        HttpResponse<byte[]> identity = get(async, "/", null);
        assertThat(new String(identity.body(), StandardCharsets.UTF_8)).isEqualTo(third.repeat(3));
        assertThat(identity.headers().firstValue("vary")).hasValue("accept-encoding");
    }
}
