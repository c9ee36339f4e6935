package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --static URL_PREFIX=DIR serves files in front of the app; other paths reach the app. */
class StaticFilesTest {

    @Test
    void staticFilesAreServedAndEverythingElseReachesTheApp(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("css"));
        Files.writeString(dir.resolve("css/site.css"), "body { color: teal }");
        Application app = (request, exchange) -> Response.text(200, "app " + request.path());
        try (GatewayServer server = Servers.started(Servers.quiet(app).staticMount("/static", dir.toString()))) {
            HttpResponse<String> css = Servers.get(server, "/static/css/site.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.body()).isEqualTo("body { color: teal }");
            assertThat(css.headers().firstValue("content-type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
            assertThat(Servers.get(server, "/page").body()).isEqualTo("app /page");
        }
    }
}
