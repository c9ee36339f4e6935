package dev.jgi.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticUrlsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(StaticUrls.MANIFEST_PROPERTY);
        System.clearProperty(StaticUrls.PREFIX_PROPERTY);
        System.clearProperty(StaticUrls.URL_PROPERTY);
    }

    private static final Manifest MANIFEST =
            new Manifest(UrlPrefix.DEFAULT, Map.of("css/site.css", "css/site.3f2a1b9c.css"));

    @Test
    void resolvesLogicalPathsThroughTheManifest() {
        StaticUrls urls = StaticUrls.of(MANIFEST);
        assertThat(urls.url("css/site.css")).isEqualTo("/static/css/site.3f2a1b9c.css");
        assertThat(urls.url("/css/site.css")).isEqualTo("/static/css/site.3f2a1b9c.css");
        assertThat(urls.hashedUrl("css/site.css")).hasValue("/static/css/site.3f2a1b9c.css");
    }

    @Test
    void unknownPathsResolveToTheirPlainUrl() {
        StaticUrls urls = StaticUrls.of(MANIFEST);
        assertThat(urls.url("js/new.js")).isEqualTo("/static/js/new.js");
        assertThat(urls.hashedUrl("js/new.js")).isEmpty();
    }

    @Test
    void systemPropertyPointsAtTheManifestAndThePrefixCanBeOverridden() throws Exception {
        Path file = dir.resolve("staticfiles.json");
        new Manifest(new UrlPrefix("/assets"), MANIFEST.paths()).write(file);
        System.setProperty(StaticUrls.MANIFEST_PROPERTY, file.toString());
        assertThat(StaticUrls.fromEnvironment().url("css/site.css")).isEqualTo("/assets/css/site.3f2a1b9c.css");
        System.setProperty(StaticUrls.PREFIX_PROPERTY, "/cdn/v1");
        assertThat(StaticUrls.fromEnvironment().url("css/site.css")).isEqualTo("/cdn/v1/css/site.3f2a1b9c.css");
    }

    @Test
    void publishedManifestIsFoundThroughTheSystemProperty() throws Exception {
        Path file = StaticUrls.publish(MANIFEST, dir.resolve("computed.json"));
        assertThat(System.getProperty(StaticUrls.MANIFEST_PROPERTY)).isEqualTo(file.toString());
        assertThat(StaticUrls.fromEnvironment().url("css/site.css")).isEqualTo("/static/css/site.3f2a1b9c.css");
    }

    @Test
    void manifestOnTheClassPathIsFoundWithoutConfiguration() throws Exception {
        MANIFEST.write(
                Fixtures.write(dir, "static/staticfiles.json", "").getParent().resolve("staticfiles.json"));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            assertThat(StaticUrls.fromEnvironment().url("css/site.css")).isEqualTo("/static/css/site.3f2a1b9c.css");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void withoutAnyManifestEveryUrlIsPlain() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[0], null));
            assertThat(StaticUrls.fromEnvironment().url("css/site.css")).isEqualTo("/static/css/site.css");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void unreadableManifestIsAClearError() throws Exception {
        System.setProperty(
                StaticUrls.MANIFEST_PROPERTY,
                Fixtures.write(dir, "bad.json", "{\"paths\": 3}").toString());
        assertThatThrownBy(StaticUrls::fromEnvironment)
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("version");
    }

    @Test
    void anAbsoluteBaseUrlPutsEveryUrlOnTheCdnAndWinsOverThePrefix() throws Exception {
        Path file = dir.resolve("staticfiles.json");
        MANIFEST.write(file);
        System.setProperty(StaticUrls.MANIFEST_PROPERTY, file.toString());
        System.setProperty(StaticUrls.PREFIX_PROPERTY, "/assets");
        System.setProperty(StaticUrls.URL_PROPERTY, "https://cdn.example.com/app");

        StaticUrls urls = StaticUrls.fromEnvironment();

        assertThat(urls.url("css/site.css")).isEqualTo("https://cdn.example.com/app/css/site.3f2a1b9c.css");
        assertThat(urls.hashedUrl("css/site.css")).hasValue("https://cdn.example.com/app/css/site.3f2a1b9c.css");
        assertThat(urls.url("js/new.js")).isEqualTo("https://cdn.example.com/app/js/new.js");
        assertThat(urls.base().map(BaseUrl::origin)).hasValue("https://cdn.example.com");
        assertThat(StaticUrls.of(MANIFEST)
                        .at(new BaseUrl("http://127.0.0.1:9000/static/"))
                        .url("css/site.css"))
                .isEqualTo("http://127.0.0.1:9000/static/css/site.3f2a1b9c.css");
    }

    @Test
    void aBaseUrlMustBeAnAbsoluteHttpUrl() {
        for (String bad : new String[] {
            "/static/", "cdn.example.com/app/", "ftp://cdn/app/", "https://u:p@cdn/", "https://cdn/?v=1"
        }) {
            assertThatThrownBy(() -> new BaseUrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        System.setProperty(StaticUrls.URL_PROPERTY, "not a url");
        assertThatThrownBy(StaticUrls::fromEnvironment).isInstanceOf(IllegalArgumentException.class);
    }
}
