package dev.jgi.assets.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.assets.ContentHash;
import dev.jgi.assets.Fixtures;
import dev.jgi.assets.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectStaticTest {

    @TempDir
    Path dir;

    private static String hashed(String path, String content) {
        return ContentHash.hashedName(path, ContentHash.sha256(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void collectsJarsAndDirectoriesIntoHashedNamesWithAManifest() throws Exception {
        Path jar = Fixtures.jar(
                dir.resolve("shop.jar"),
                Map.of("JGI-App", "com.example.Shop"),
                Map.of(
                        "static/css/site.css",
                        Fixtures.CSS.getBytes(StandardCharsets.UTF_8),
                        "static/js/app.js",
                        "alert(1)".getBytes(StandardCharsets.UTF_8),
                        "com/example/Shop.class",
                        new byte[] {1}));
        Path extra = dir.resolve("extra");
        Fixtures.write(extra, "img/logo.png", Fixtures.random(5000, 1));
        Fixtures.write(extra, "js/app.js", "shadowed by the jar");
        Fixtures.write(extra, ".DS_Store", "junk");
        Path out = dir.resolve("out");

        CollectStatic.Result result = CollectStatic.run(List.of(jar, extra), out);

        String css = hashed("css/site.css", Fixtures.CSS);
        assertThat(css).matches("css/site\\.[0-9a-f]{8}\\.css");
        assertThat(out.resolve("css/site.css")).hasContent(Fixtures.CSS);
        assertThat(out.resolve(css)).hasContent(Fixtures.CSS);
        assertThat(out.resolve(hashed("js/app.js", "alert(1)"))).hasContent("alert(1)");
        assertThat(out.resolve("js/app.js")).hasContent("alert(1)");
        assertThat(out.resolve(".DS_Store")).doesNotExist();
        assertThat(out.resolve("com")).doesNotExist();
        assertThat(result.assets()).isEqualTo(3);

        JsonNode json =
                new ObjectMapper().readTree(out.resolve("staticfiles.json").toFile());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("prefix").asText()).isEqualTo("/static");
        assertThat(json.get("paths").get("css/site.css").asText()).isEqualTo(css);
        assertThat(json.get("paths").size()).isEqualTo(3);
        assertThat(result.manifest()).isEqualTo(Manifest.read(out.resolve("staticfiles.json")));
    }

    @Test
    void compressedVariantsAreKeptOnlyWhenSmaller() throws Exception {
        Path src = dir.resolve("src");
        Fixtures.write(src, "css/site.css", Fixtures.CSS);
        Fixtures.write(src, "tiny.txt", "hi");
        Fixtures.write(src, "noise.js", Fixtures.random(4000, 9));
        Fixtures.write(src, "img/logo.png", Fixtures.random(2000, 2));
        Path out = dir.resolve("out");

        CollectStatic.Result result = CollectStatic.run(List.of(src), out);

        String css = hashed("css/site.css", Fixtures.CSS);
        for (String name : List.of("css/site.css", css)) {
            byte[] gz = Files.readAllBytes(out.resolve(name + ".gz"));
            assertThat(gz.length).isLessThan(Fixtures.CSS.length());
            assertThat(new String(Fixtures.gunzip(gz), StandardCharsets.UTF_8)).isEqualTo(Fixtures.CSS);
        }
        assertThat(out.resolve("tiny.txt.gz")).doesNotExist();
        assertThat(out.resolve("noise.js.gz")).doesNotExist();
        assertThat(out.resolve("img/logo.png.gz")).doesNotExist();
        assertThat(result.brotliAvailable())
                .as("brotli4j ships a native library for linux-x86_64")
                .isTrue();
        byte[] br = Files.readAllBytes(out.resolve(css + ".br"));
        assertThat(br.length).isLessThan(Files.readAllBytes(out.resolve(css + ".gz")).length + 64);
        assertThat(new String(Decoder.decompress(br).getDecompressedData(), StandardCharsets.UTF_8))
                .isEqualTo(Fixtures.CSS);
        assertThat(Decoder.decompress(br).getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
        assertThat(result.gzipped()).isEqualTo(2);
        assertThat(result.brotli()).isEqualTo(2);
    }

    @Test
    void gzipOutputIsDeterministic() throws Exception {
        Path src = dir.resolve("src");
        Fixtures.write(src, "site.css", Fixtures.CSS);
        CollectStatic.run(List.of(src), dir.resolve("one"));
        CollectStatic.run(List.of(src), dir.resolve("two"));
        assertThat(dir.resolve("one/site.css.gz")).hasSameBinaryContentAs(dir.resolve("two/site.css.gz"));
        assertThat(dir.resolve("one/staticfiles.json")).hasSameBinaryContentAs(dir.resolve("two/staticfiles.json"));
    }

    @Test
    void recollectingACollectedTreeChangesNothing() throws Exception {
        Path src = dir.resolve("src");
        Fixtures.write(src, "site.css", Fixtures.CSS);
        CollectStatic.Result first = CollectStatic.run(List.of(src), dir.resolve("one"));
        CollectStatic.Result second = CollectStatic.run(List.of(dir.resolve("one")), dir.resolve("two"));
        assertThat(second.manifest().paths()).isEqualTo(first.manifest().paths());
    }

    @Test
    void jarsNamingDifferentPrefixesAreRefused() throws Exception {
        Path a = Fixtures.jar(
                dir.resolve("a.jar"), Map.of("JGI-Static-Prefix", "/a"), Map.of("static/x.css", new byte[] {1}));
        Path b = Fixtures.jar(
                dir.resolve("b.jar"), Map.of("JGI-Static-Prefix", "/b"), Map.of("static/y.css", new byte[] {2}));
        assertThatThrownBy(() -> CollectStatic.run(List.of(a, b), dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/a")
                .hasMessageContaining("/b");
        CollectStatic.Result one = CollectStatic.run(List.of(a), dir.resolve("out"));
        assertThat(one.manifest().prefix().value()).isEqualTo("/a");
    }

    @Test
    void missingSourceIsAClearError() {
        assertThatThrownBy(() -> CollectStatic.run(List.of(dir.resolve("nope")), dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }
}
