package dev.jgi.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class HelloAsyncTest {

    @Test
    void greetsFromTheAsyncInterface() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.startAsync(new HelloAsync());
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.uri("/there")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello, async /there!\n");
        }
    }
}
