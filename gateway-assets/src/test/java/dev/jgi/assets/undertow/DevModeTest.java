package dev.jgi.assets.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.assets.AssetServer;
import dev.jgi.assets.ContentHash;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevModeTest {

    @TempDir
    Path base;

    @Test
    void devModeSeesNewChangedAndDeletedFiles() throws Exception {
        Path root = base.resolve("root");
        Path file = Fixtures.write(root, "app.js", "one");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        try (AssetIndex index = AssetIndex.ofDirectories(
                        List.of(root), IndexOptions.defaults().withDevMode(true));
                AssetServer server = new AssetServer(new UrlPrefix("/static"), index)) {
            HttpResponse<byte[]> first = server.get("/static/app.js");
            assertThat(first.body()).asString(StandardCharsets.UTF_8).isEqualTo("one");

            Fixtures.write(root, "later/new.css", "p{}");
            assertThat(server.get("/static/later/new.css").body())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("p{}");
            String hashed =
                    ContentHash.hashedName("later/new.css", ContentHash.sha256("p{}".getBytes(StandardCharsets.UTF_8)));
            HttpResponse<byte[]> viaHash = server.get("/static/" + hashed);
            assertThat(viaHash.statusCode()).isEqualTo(200);
            assertThat(viaHash.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");

            Fixtures.write(root, "app.js", "two!");
            HttpResponse<byte[]> changed = server.get("/static/app.js");
            assertThat(changed.body()).asString(StandardCharsets.UTF_8).isEqualTo("two!");
            assertThat(changed.headers().firstValue("ETag"))
                    .isNotEqualTo(first.headers().firstValue("ETag"));
            String oldHashed =
                    ContentHash.hashedName("app.js", ContentHash.sha256("one".getBytes(StandardCharsets.UTF_8)));
            assertThat(server.get("/static/" + oldHashed).statusCode()).isEqualTo(404);

            Files.delete(root.resolve("app.js"));
            assertThat(server.get("/static/app.js").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void devModeRefusesALinkOutOfTheRootCreatedAfterStartUp() throws Exception {
        Path root = base.resolve("root");
        Fixtures.write(root, "ok.txt", "ok");
        Fixtures.write(base, "secret.txt", Fixtures.SECRET);
        try (AssetIndex index = AssetIndex.ofDirectories(
                        List.of(root), IndexOptions.defaults().withDevMode(true));
                AssetServer server = new AssetServer(new UrlPrefix("/static"), index)) {
            Files.createSymbolicLink(root.resolve("late-link.txt"), base.resolve("secret.txt"));
            Files.createSymbolicLink(root.resolve("late-dir"), base);
            assertThat(server.get("/static/late-link.txt").statusCode()).isEqualTo(404);
            assertThat(server.get("/static/late-dir/secret.txt").statusCode()).isEqualTo(404);
            assertThat(server.get("/static/ok.txt").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void productionIndexDoesNotLookAtTheDiskAfterStartUp() throws Exception {
        Path root = base.resolve("root");
        Fixtures.write(root, "app.js", "one");
        try (AssetIndex index = AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults());
                AssetServer server = new AssetServer(new UrlPrefix("/static"), index)) {
            Fixtures.write(root, "new.js", "new");
            assertThat(server.get("/static/new.js").statusCode()).isEqualTo(404);
            assertThat(server.get("/static/app.js").body())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo("one");
        }
    }
}
