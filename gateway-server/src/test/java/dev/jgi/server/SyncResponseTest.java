package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Body;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.testing.RawHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SyncResponseTest {

    @Test
    void textResponseCarriesItsContentLength() throws Exception {
        try (GatewayServer server =
                Servers.started(Servers.quiet((request, exchange) -> Response.text(200, "Hello, " + request.path())))) {
            HttpResponse<String> response = Servers.get(server, "/world");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello, /world");
            assertThat(response.headers().firstValue("content-length")).hasValue("13");
            assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        }
    }

    @Test
    void requestBodyIsReadThroughTheExchange() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet((request, exchange) ->
                Response.of(200, Headers.of(), Body.of(exchange.body().readAllBytes()))))) {
            byte[] payload = "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
            HttpResponse<byte[]> response = Servers.CLIENT.send(
                    HttpRequest.newBuilder(Servers.uri(server, "/echo"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.body()).isEqualTo(payload);
        }
    }

    @Test
    void writerBodyIsChunked() throws Exception {
        try (GatewayServer server =
                Servers.started(Servers.quiet((request, exchange) -> Response.of(200, Headers.of(), Body.writer(out -> {
                    for (int i = 0; i < 10_000; i++) {
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
                    }
                }))))) {
            String raw = RawHttp.received(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(raw.toLowerCase(java.util.Locale.ROOT))
                    .contains("transfer-encoding: chunked")
                    .contains("line 9999")
                    .endsWith("0\r\n\r\n");
        }
    }
}
