package dev.jgi.assets.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.assets.AppJar;
import dev.jgi.assets.AssetServer;
import dev.jgi.assets.ContentHash;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.Manifest;
import dev.jgi.assets.StaticUrls;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppJarIndexTest {

    @TempDir
    Path dir;

    private Path appJar(Map<String, String> attributes) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("com/example/Shop.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
        entries.put("static/css/site.css", Fixtures.CSS.getBytes(StandardCharsets.UTF_8));
        entries.put("static/js/app.js", "alert(1)".getBytes(StandardCharsets.UTF_8));
        entries.put("static/.secret", "hidden".getBytes(StandardCharsets.UTF_8));
        entries.put("static/../escape.txt", "zip slip".getBytes(StandardCharsets.UTF_8));
        entries.put("templates/page.html", "<p>".getBytes(StandardCharsets.UTF_8));
        return Fixtures.jar(dir.resolve("shop.jar"), attributes, entries);
    }

    @Test
    void manifestAttributesNameTheAppAndThePrefix() throws Exception {
        AppJar jar = AppJar.read(appJar(Map.of("JGI-App", "com.example.Shop::create", "JGI-Static-Prefix", "/assets")));
        assertThat(jar.app()).hasValue("com.example.Shop::create");
        assertThat(jar.staticPrefix().value()).isEqualTo("/assets");
    }

    @Test
    void prefixDefaultsToStaticAndAppMayBeAbsent() throws Exception {
        AppJar jar = AppJar.read(appJar(Map.of()));
        assertThat(jar.app()).isEmpty();
        assertThat(jar.staticPrefix().value()).isEqualTo("/static");
    }

    @Test
    void malformedAttributesAreRejectedNamingTheJar() throws Exception {
        Path bad = appJar(Map.of("JGI-App", "not a class!"));
        assertThatThrownBy(() -> AppJar.read(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shop.jar")
                .hasMessageContaining("JGI-App");
        Files.delete(bad);
        Path badPrefix = appJar(Map.of("JGI-Static-Prefix", "static/"));
        assertThatThrownBy(() -> AppJar.read(badPrefix))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JGI-Static-Prefix");
    }

    @Test
    void jarAssetsAreServedFromAPrivateCopyWithComputedHashedNames() throws Exception {
        Path jar = appJar(Map.of("JGI-App", "com.example.Shop"));
        AppJar app = AppJar.read(jar);
        Path extractedRoot;
        try (AssetIndex index = AssetIndex.build(List.of(new AssetSource.JarStatic(jar)), IndexOptions.defaults());
                AssetServer server = new AssetServer(app.staticPrefix(), index)) {
            assertThat(index.size()).isEqualTo(2);
            extractedRoot = index.find("js/app.js")
                    .orElseThrow()
                    .identity()
                    .file()
                    .getParent()
                    .getParent();
            assertThat(extractedRoot.resolve("../escape.txt").normalize()).doesNotExist();
            assertThat(index.find(".secret")).isEmpty();
            assertThat(index.find("templates/page.html")).isEmpty();

            Manifest manifest = index.manifest(app.staticPrefix());
            String hashed = manifest.hashed("css/site.css").orElseThrow();
            assertThat(hashed)
                    .isEqualTo(ContentHash.hashedName(
                            "css/site.css", ContentHash.sha256(Fixtures.CSS.getBytes(StandardCharsets.UTF_8))));
            StaticUrls urls = StaticUrls.of(manifest);
            HttpResponse<byte[]> viaLookup = server.get(urls.url("css/site.css"));
            assertThat(viaLookup.statusCode()).isEqualTo(200);
            assertThat(viaLookup.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(server.get("/static/css/site.css").body())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo(Fixtures.CSS);
            assertThat(server.get("/static/com/example/Shop.class").statusCode())
                    .isEqualTo(404);
        }
        assertThat(extractedRoot).doesNotExist();
    }

    @Test
    void theFirstSourceWinsWhenTwoHoldTheSamePath() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Fixtures.write(first, "a.txt", "first");
        Fixtures.write(second, "a.txt", "second");
        Fixtures.write(second, "b.txt", "only in second");
        try (AssetIndex index = AssetIndex.ofDirectories(List.of(first, second), IndexOptions.defaults())) {
            Optional<Asset> a = index.find("a.txt");
            assertThat(a.orElseThrow().identity().file())
                    .isEqualTo(first.toRealPath().resolve("a.txt"));
            assertThat(index.find("b.txt")).isPresent();
        }
    }
}
