package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.server.tls.TestCertificates;
import dev.jgi.testing.RawHttp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A {@code Body.FileRegion} and an {@code Action.ResponseFile} go out from their offset with exactly
 * their length [JGI-BODYOUT-1], for files on either side of the static inline limit (64 KiB), over
 * HTTP/1.1, HTTP/2 over TLS and h2c, and the connection then answers a second request.
 */
@Timeout(60)
class FileRegionTest {

    /** A region of one of the two files; {@code length} empty means "to the end of the file". */
    record Region(String file, long offset, OptionalLong length) {

        String target() {
            return "/" + file + "/" + offset + "/" + (length.isPresent() ? length.getAsLong() : "rest");
        }

        static Region of(Request request) {
            String[] parts = request.path().split("/", -1);
            return new Region(
                    parts[1],
                    Long.parseLong(parts[2]),
                    parts[3].equals("rest") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parts[3])));
        }

        byte[] expected() {
            byte[] all = FILES.get(file);
            return Arrays.copyOfRange(
                    all, (int) offset, (int) (length.isPresent() ? offset + length.getAsLong() : all.length));
        }

        @Override
        public String toString() {
            return target();
        }
    }

    enum Protocol {
        HTTP_1_1,
        H2_TLS,
        H2C
    }

    private static final int SMALL = 40_000;
    private static final int LARGE = 200_000;
    private static final Map<String, byte[]> FILES = new HashMap<>();

    @TempDir
    static Path dir;

    static GatewayServer syncPlain;
    static GatewayServer syncTls;
    static GatewayServer asyncPlain;
    static GatewayServer asyncTls;
    static HttpClient h2Tls;
    static HttpClient h2c;

    @BeforeAll
    static void start() throws Exception {
        Random random = new Random(42);
        for (var file : Map.of("small", SMALL, "large", LARGE).entrySet()) {
            byte[] bytes = new byte[file.getValue()];
            random.nextBytes(bytes);
            Files.write(dir.resolve(file.getKey()), bytes);
            FILES.put(file.getKey(), bytes);
        }
        Application sync = (request, exchange) -> {
            Region region = Region.of(request);
            return Response.of(
                    200,
                    Headers.of("x-client", request.client().toString()),
                    new Body.FileRegion(dir.resolve(region.file()), region.offset(), region.length()));
        };
        AsyncApplication async = (request, channel) -> {
            Region region = Region.of(request);
            return channel.send(new Action.ResponseStart(
                            200, Headers.of("x-client", request.client().toString()), false))
                    .thenCompose(started -> channel.send(new Action.ResponseFile(
                            dir.resolve(region.file()), region.offset(), region.length(), false)));
        };
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        syncPlain = Servers.started(Servers.quiet(sync).h2c(true));
        syncTls = Servers.started(Servers.quiet(sync).tls(pem.certFile(), pem.keyFile()));
        asyncPlain = Servers.started(Servers.quietAsync(async).h2c(true));
        asyncTls = Servers.started(Servers.quietAsync(async).tls(pem.certFile(), pem.keyFile()));
        SSLContext trusting = TestCertificates.trusting(pem);
        h2Tls = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(trusting)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        h2c = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() {
        Stream.of(syncPlain, syncTls, asyncPlain, asyncTls).forEach(GatewayServer::close);
        h2Tls.close();
        h2c.close();
    }

    static Stream<Arguments> cases() {
        List<Region> regions = Stream.of("small", "large")
                .flatMap(file -> {
                    int size = FILES.get(file).length;
                    return Stream.of(
                            new Region(file, 0, OptionalLong.of(1000)),
                            new Region(file, 0, OptionalLong.empty()),
                            new Region(file, size / 2, OptionalLong.of(1000)),
                            new Region(file, 20_001, OptionalLong.of(17_000)),
                            new Region(file, size - 1000, OptionalLong.empty()),
                            new Region(file, 12_345, OptionalLong.of(1)),
                            new Region(file, size - 1, OptionalLong.of(1)),
                            new Region(file, 100, OptionalLong.of(0)),
                            new Region(file, size, OptionalLong.empty()));
                })
                .toList();
        return Stream.of("sync", "async")
                .flatMap(kind -> Stream.of(Protocol.values())
                        .flatMap(protocol -> regions.stream().map(region -> Arguments.of(kind, protocol, region))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void regionIsSentFromItsOffsetWithItsLengthAndTheConnectionAnswersTheNextRequest(
            String kind, Protocol protocol, Region region) throws Exception {
        boolean sync = kind.equals("sync");
        Region next = new Region("small", 3, OptionalLong.of(5));
        switch (protocol) {
            case HTTP_1_1 -> overHttp11(sync ? syncPlain : asyncPlain, region, next);
            case H2_TLS -> overHttp2(h2Tls, "https://localhost:" + (sync ? syncTls : asyncTls).port(), region, next);
            case H2C -> overHttp2(h2c, "http://127.0.0.1:" + (sync ? syncPlain : asyncPlain).port(), region, next);
        }
    }

    private static void overHttp11(GatewayServer server, Region region, Region next) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String client = null;
            for (Region asked : List.of(region, next)) {
                out.write(
                        ("GET " + asked.target() + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RawHttp.Framed response = RawHttp.readFramed(in);
                assertThat(response.status()).as(asked.target()).isEqualTo(200);
                assertThat(response.headers()).containsEntry("content-length", String.valueOf(asked.expected().length));
                assertThat(response.body()).as(asked.target()).isEqualTo(asked.expected());
                assertThat(client == null || client.equals(response.headers().get("x-client")))
                        .as("same connection")
                        .isTrue();
                client = response.headers().get("x-client");
            }
            socket.setSoTimeout(300);
            assertThatThrownBy(in::read)
                    .as("nothing after the second response")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static void overHttp2(HttpClient client, String origin, Region region, Region next) throws Exception {
        String connection = null;
        for (Region asked : List.of(region, next)) {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(URI.create(origin + asked.target()))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as(asked.target()).isEqualTo(asked.expected());
            String from = response.headers().firstValue("x-client").orElseThrow();
            assertThat(connection == null || connection.equals(from))
                    .as("same connection")
                    .isTrue();
            connection = from;
        }
    }
}
