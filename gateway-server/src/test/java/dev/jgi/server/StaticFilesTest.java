package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --static URL_PREFIX=DIR serves files in front of the app; other paths reach the app. Static requests
 * pass the same head checks as the app's.
 */
class StaticFilesTest {

    /** One field past the default 8 KiB field limit. */
    private static final String BIG_FIELD = "x-big: " + "b".repeat(9 * 1024) + "\r\n";

    @Test
    void staticRequestsPassTheSameHeadChecksAsAppRequests(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("site.css"), "p { margin: 0 }");
        Application app = (request, exchange) -> Response.text(200, "app " + request.path());
        try (GatewayServer server = Servers.started(Servers.quiet(app).staticMount("/static", dir.toString()))) {
            for (String target : List.of("/static/site.css", "/static/missing.css", "/page")) {
                assertThat(RawHttp.exchange(
                                        server.port(),
                                        "GET " + target + " HTTP/1.1\r\nhost: x\r\n" + BIG_FIELD + "\r\n")
                                .status())
                        .as("a 9 KiB field on %s", target)
                        .isEqualTo(431);
                assertThat(RawHttp.exchange(server.port(), "GET " + target + " HTTP/1.1\r\nhost: a b\r\n\r\n")
                                .status())
                        .as("a bad host on %s", target)
                        .isEqualTo(400);
                assertThat(RawHttp.exchange(
                                        server.port(),
                                        "GET " + target + " HTTP/1.1\r\nhost: x\r\ncontent-length: 1\r\n"
                                                + "transfer-encoding: chunked\r\n\r\n0\r\n\r\n")
                                .status())
                        .as("both framings on %s", target)
                        .isEqualTo(400);
            }
            RawResponse css = RawHttp.exchange(
                    server.port(),
                    "GET /static/site.css HTTP/1.1\r\nhost: x\r\nx-small: " + "s".repeat(4096) + "\r\n\r\n");
            assertThat(css.status()).isEqualTo(200);
            assertThat(css.bodyText()).isEqualTo("p { margin: 0 }");
            assertThat(RawHttp.exchange(server.port(), "GET /page HTTP/1.1\r\nhost: x\r\n\r\n")
                            .bodyText())
                    .isEqualTo("app /page");
        }
    }

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
