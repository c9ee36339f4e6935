package dev.jgi.assets.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.AssetServer;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every spelling of "a file outside the root" or "a hidden file", sent on a raw socket, gets 400 or 404
 * and never the file; in production and in dev mode, where lookups reach the disk.
 */
class TraversalTest {

    @TempDir
    static Path base;

    static AssetServer production;
    static AssetServer dev;

    @BeforeAll
    static void start() throws Exception {
        Path root = base.resolve("site/root");
        Fixtures.write(root, "css/site.css", "body{}");
        Fixtures.write(root, ".env", Fixtures.SECRET);
        Fixtures.write(base, "site/secret.txt", Fixtures.SECRET);
        Fixtures.write(base, "secret.txt", Fixtures.SECRET);
        production = new AssetServer(
                new UrlPrefix("/static"), AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults()));
        dev = new AssetServer(
                new UrlPrefix("/static"),
                AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults().withDevMode(true)));
    }

    @AfterAll
    static void stop() {
        production.close();
        dev.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/static/../secret.txt",
                "/static/../../secret.txt",
                "/static/css/../../secret.txt",
                "/static/%2e%2e/secret.txt",
                "/static/%2E%2E/secret.txt",
                "/static/.%2e/secret.txt",
                "/static/%2e%2e%2fsecret.txt",
                "/static/..%2fsecret.txt",
                "/static/..%2Fsecret.txt",
                "/static/css%2f..%2f..%2fsecret.txt",
                "/static/%252e%252e/secret.txt",
                "/static/..\\secret.txt",
                "/static/..%5csecret.txt",
                "/static/..%5Csecret.txt",
                "/static/css\\..\\..\\secret.txt",
                "/static/secret.txt%00.css",
                "/static/%00",
                "/static//secret.txt",
                "/static/./../secret.txt",
                "/static/.env",
                "/static/%2eenv",
                "/static/css/",
                "/static/css",
                "/static/..;/secret.txt",
                "/static/%c0%ae%c0%ae/secret.txt",
            })
    void traversalAttemptsNeverYieldAFile(String target) throws Exception {
        for (AssetServer server : List.of(production, dev)) {
            RawResponse r = RawHttp.get(server.port(), target);
            assertThat(r.status()).as(target).isIn(400, 404);
            assertThat(r.bodyText()).as(target).doesNotContain(Fixtures.SECRET).doesNotContain(AssetServer.APP_BODY);
        }
    }

    @Test
    void theCanonicalPathIsServedOnTheSameSockets() throws Exception {
        for (AssetServer server : List.of(production, dev)) {
            RawResponse r = RawHttp.get(server.port(), "/static/css/site.css");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyText()).endsWith("body{}");
        }
    }
}
