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

    @Test
    void belowARootPathStaticFilesAreServedBelowItToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.css"), "p { margin: 0 }");
        Application app = (request, exchange) -> Response.text(200, "app " + request.path());
        try (GatewayServer server =
                Servers.started(Servers.quiet(app).mountPath("/blog").staticMount("/static", dir.toString()))) {
            assertThat(Servers.get(server, "/blog/static/site.css").body()).isEqualTo("p { margin: 0 }");
            assertThat(Servers.get(server, "/static/site.css").statusCode())
                    .as("outside the root path")
                    .isEqualTo(404);
            assertThat(Servers.get(server, "/blog/page").body()).isEqualTo("app /page");
        }
    }
}
