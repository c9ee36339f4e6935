package dev.jgi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.wire.RawResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxTest {

    @Test
    void servesWhatItsHttpBlockSaysOnTheChosenPort(@TempDir Path dir) throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("hello.txt"), "hello from nginx");
        try (Nginx nginx = Nginx.start(
                dir.resolve("nginx"),
                port -> "server { listen 127.0.0.1:" + port + "; location / { root " + site + "; } }")) {
            RawResponse response =
                    RawHttp.exchange(nginx.port(), "GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("hello from nginx");
            assertThat(response.header("content-type")).contains("text/plain");
        }
    }
}
