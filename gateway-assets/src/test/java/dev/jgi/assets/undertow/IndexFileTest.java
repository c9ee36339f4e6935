package dev.jgi.assets.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.AssetServer;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built site under a prefix: folders answer with their index.html, the bare prefix redirects. */
class IndexFileTest {

    @TempDir
    static Path base;

    static AssetServer server;

    @BeforeAll
    static void start() throws Exception {
        Path site = base.resolve("site");
        Fixtures.write(site, "index.html", "<h1>home</h1>");
        Fixtures.write(site, "guide/index.html", "<h1>guide</h1>");
        Fixtures.write(site, "guide/apps.html", "<h1>apps</h1>");
        Fixtures.write(site, "assets/app.js", "1;");
        Files.createDirectories(site.resolve("empty"));
        server = new AssetServer(
                new UrlPrefix("/docs"), AssetIndex.ofDirectories(List.of(site), IndexOptions.defaults()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPathEndingInASlashServesTheFoldersIndexAsHtml() throws Exception {
        assertPage("/docs/", "<h1>home</h1>");
        assertPage("/docs/guide/", "<h1>guide</h1>");
        assertPage("/docs/index.html", "<h1>home</h1>");
        assertPage("/docs/guide/apps.html", "<h1>apps</h1>");
    }

    @Test
    void theBarePrefixRedirectsToThePrefixWithASlashKeepingTheQuery() throws Exception {
        HttpResponse<byte[]> plain = server.get("/docs");
        assertThat(plain.statusCode()).isEqualTo(301);
        assertThat(plain.headers().firstValue("Location")).hasValue("/docs/");
        assertThat(server.get("/docs?q=1").headers().firstValue("Location")).hasValue("/docs/?q=1");
    }

    @Test
    void aFolderWithoutAnIndexIsStill404AndNeverListed() throws Exception {
        for (String path : List.of("/docs/empty/", "/docs/assets/", "/docs//", "/docs/guide//")) {
            HttpResponse<byte[]> r = server.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).isEmpty();
        }
    }

    @Test
    void theIndexAnswersHeadAndRefusesOtherMethods() throws Exception {
        HttpResponse<byte[]> head = server.send(server.request("/docs/guide/")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("14");
        HttpResponse<byte[]> post = server.send(server.request("/docs/")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))
                .build());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private static void assertPage(String path, String body) throws Exception {
        HttpResponse<byte[]> r = server.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("text/html; charset=utf-8");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(body);
    }
}
