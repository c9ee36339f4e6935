package dev.jgi.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HelloTest {

    @Test
    void greetsWithThePathAsked() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(new Hello());
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.uri("/there")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
            assertThat(response.body()).isEqualTo("Hello, world! You asked for /there\n");
        }
    }
}
