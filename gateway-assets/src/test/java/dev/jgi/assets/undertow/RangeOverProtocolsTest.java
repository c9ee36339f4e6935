package dev.jgi.assets.undertow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.assets.Fixtures;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.tck.wire.TlsMaterial;
import dev.jgi.testing.RawHttp;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Range:} requests for assets kept in memory (below the 64 KiB inline limit) and sent from
 * disk (above it) get exactly the bytes asked for over HTTP/1.1, HTTP/2 over TLS and h2c, and the
 * connection then answers a second request correctly.
 */
@Timeout(60)
class RangeOverProtocolsTest {

    /** A request for one asset, with a {@code Range} field or none (the whole file). */
    record Ask(String file, Optional<String> range, int first, int length) {

        static Ask whole(String file) {
            return new Ask(file, Optional.empty(), 0, FILES.get(file).length);
        }

        static Ask of(String file, String range, int first, int length) {
            return new Ask(file, Optional.of(range), first, length);
        }

        byte[] expected() {
            return Arrays.copyOfRange(FILES.get(file), first, first + length);
        }

        String contentRange() {
            return "bytes " + first + "-" + (first + length - 1) + "/" + FILES.get(file).length;
        }

        @Override
        public String toString() {
            return file + " " + range.orElse("whole");
        }
    }

    enum Protocol {
        HTTP_1_1,
        H2_TLS,
        H2C
    }

    private static final Map<String, byte[]> FILES =
            Map.of("small.bin", Fixtures.random(40_000, 11), "large.bin", Fixtures.random(200_000, 12));
    private static final HttpString CLIENT = new HttpString("x-client");

    @TempDir
    static Path dir;

    static TlsMaterial tls;
    static Undertow undertow;
    static int plainPort;
    static int tlsPort;
    static HttpClient h2Tls;
    static HttpClient h2c;

    @BeforeAll
    static void start() throws Exception {
        Path files = dir.resolve("root");
        for (var file : FILES.entrySet()) {
            Fixtures.write(files, file.getKey(), file.getValue());
        }
        AssetIndex index = AssetIndex.ofDirectories(List.of(files), IndexOptions.defaults());
        assertThat(index.find("small.bin").orElseThrow().identity().isInline()).isTrue();
        assertThat(index.find("large.bin").orElseThrow().identity().isInline()).isFalse();
        StaticHandler assets =
                new StaticHandler(new UrlPrefix("/static"), index, exchange -> exchange.setStatusCode(404));
        // Tells the test which connection answered: the client's address as the server saw it.
        HttpHandler root = exchange -> {
            exchange.getResponseHeaders()
                    .put(CLIENT, exchange.getSourceAddress().toString());
            assets.handleRequest(exchange);
        };
        tls = TlsMaterial.generate();
        undertow = Undertow.builder()
                // Undertow's builder adds h2c (Upgrade and prior knowledge) to the cleartext listener itself.
                .setServerOption(UndertowOptions.ENABLE_HTTP2, true)
                .addHttpListener(0, "127.0.0.1", root)
                .addHttpsListener(0, "127.0.0.1", tls.serverContext(), root)
                .setIoThreads(2)
                .build();
        undertow.start();
        plainPort = port(0);
        tlsPort = port(1);
        h2Tls = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(tls.clientContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        h2c = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        undertow.stop();
        tls.close();
        h2Tls.close();
        h2c.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of("small.bin", "large.bin")
                .flatMap(file -> {
                    int size = FILES.get(file).length;
                    int middle = size / 2;
                    return Stream.of(
                            Ask.of(file, "bytes=0-999", 0, 1000),
                            Ask.of(file, "bytes=" + middle + "-" + (middle + 999), middle, 1000),
                            Ask.of(file, "bytes=20001-37000", 20_001, 17_000),
                            Ask.of(file, "bytes=-1000", size - 1000, 1000),
                            Ask.of(file, "bytes=" + (size - 1000) + "-", size - 1000, 1000),
                            Ask.of(file, "bytes=12345-12345", 12_345, 1),
                            Ask.of(file, "bytes=" + (size - 1) + "-" + (size - 1), size - 1, 1),
                            Ask.whole(file));
                })
                .flatMap(ask -> Stream.of(Protocol.values()).map(protocol -> Arguments.of(protocol, ask)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void rangeGetsExactlyItsBytesAndTheConnectionAnswersTheNextRequest(Protocol protocol, Ask ask) throws Exception {
        Ask next = Ask.of("large.bin", "bytes=3-7", 3, 5);
        switch (protocol) {
            case HTTP_1_1 -> overHttp11(ask, next);
            case H2_TLS -> overHttp2(h2Tls, "https://localhost:" + tlsPort, ask, next);
            case H2C -> overHttp2(h2c, "http://127.0.0.1:" + plainPort, ask, next);
        }
    }

    private static void overHttp11(Ask ask, Ask next) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", plainPort), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (Ask asked : List.of(ask, next)) {
                String range = asked.range().map(r -> "Range: " + r + "\r\n").orElse("");
                out.write(("GET /static/" + asked.file() + " HTTP/1.1\r\nHost: x\r\n" + range + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RawHttp.Framed response = RawHttp.readFramed(in);
                assertThat(response.status())
                        .as(asked.toString())
                        .isEqualTo(asked.range().isPresent() ? 206 : 200);
                if (asked.range().isPresent()) {
                    assertThat(response.headers()).containsEntry("content-range", asked.contentRange());
                }
                assertThat(response.body()).as(asked.toString()).isEqualTo(asked.expected());
            }
            socket.setSoTimeout(300);
            assertThatThrownBy(in::read)
                    .as("nothing after the second response")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static void overHttp2(HttpClient client, String origin, Ask ask, Ask next) throws Exception {
        String connection = null;
        for (Ask asked : List.of(ask, next)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + "/static/" + asked.file()))
                    .timeout(Duration.ofSeconds(10));
            asked.range().ifPresent(range -> request.header("Range", range));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.statusCode()).isEqualTo(asked.range().isPresent() ? 206 : 200);
            assertThat(response.body()).as(asked.toString()).isEqualTo(asked.expected());
            String from = response.headers().firstValue("x-client").orElseThrow();
            assertThat(connection == null || connection.equals(from))
                    .as("same connection")
                    .isTrue();
            connection = from;
        }
    }

    private static int port(int listener) {
        return ((InetSocketAddress) undertow.getListenerInfo().get(listener).getAddress()).getPort();
    }
}
