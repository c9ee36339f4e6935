package dev.jgi.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built jar, run as the README says: {@code bin/jgi serve sample-apps/hello/target/hello.jar}. */
class HelloJarIT {

    @Test
    void jarRunsUnderBinJgi() throws Exception {
        try (JgiProcess server = JgiProcess.serve(Path.of("target/hello.jar"), Path.of("target"), Map.of());
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.uri("/from-the-jar")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello, world! You asked for /from-the-jar\n");
        }
    }
}
