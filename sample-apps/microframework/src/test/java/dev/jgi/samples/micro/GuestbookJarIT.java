package dev.jgi.samples.micro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The microframework's jar, whose JGI-App is the guestbook, under a real bin/jgi process. */
class GuestbookJarIT {

    @Test
    void guestbookJarServesItsFormAndMount() throws Exception {
        try (JgiProcess server = JgiProcess.serve(
                        Path.of("target/microframework.jar"),
                        Path.of("target"),
                        Map.of("SECRET_KEY", "jar-test-secret-0123456789"));
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page =
                    client.send(HttpRequest.newBuilder(server.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>Guestbook</h1>").contains("name=csrf_token");
            HttpResponse<String> echo = client.send(
                    HttpRequest.newBuilder(server.uri("/echo/x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(echo.body()).isEqualTo("mount=/echo path=/x\n");
        }
    }

    @Test
    void missingSecretKeyStopsTheStartWithAClearMessage() throws Exception {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> JgiProcess.serve(
                                Path.of("target/microframework.jar"), Path.of("target"), Map.of("SECRET_KEY", ""))
                        .close()))
                .hasMessageContaining("set SECRET_KEY to at least 16 random characters");
    }
}
