package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgi-VERSION.tar.gz}, the release for any Java 21+, unpacked and run as a user would. */
class ReleaseIT {

    private static UnpackedRelease release;

    @TempDir
    Path site;

    @BeforeAll
    static void unpack() {
        release = UnpackedRelease.shared(UnpackedRelease.name() + ".tar.gz");
    }

    @Test
    void carriesTheServerItsLicencesAndAnSbomOfEveryJar() throws IOException {
        Path home = release.home();
        assertThat(home.resolve("LICENSE")).content().contains("Apache License");
        assertThat(home.resolve("NOTICE")).isRegularFile();
        assertThat(home.resolve("lib/gateway-server.jar")).isRegularFile();
        assertThat(home.resolve("deploy/systemd/jgi@.service")).isRegularFile();
        assertThat(home.resolve("runtime")).doesNotExist();

        Set<String> components = new HashSet<>();
        JsonNode sbom = new ObjectMapper()
                .readTree(home.resolve("sbom/" + UnpackedRelease.name() + ".cdx.json")
                        .toFile());
        assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        for (JsonNode component : sbom.path("components")) {
            components.add(component.path("name").asText() + "-"
                    + component.path("version").asText() + ".jar");
        }
        String thirdParty = Files.readString(home.resolve("licenses/THIRD-PARTY.txt"));
        List<String> jars;
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            jars = lib.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("gateway-server.jar"))
                    .sorted()
                    .toList();
        }
        assertThat(jars).contains("gateway-api-" + System.getProperty("jgi.version") + ".jar");
        assertThat(jars).anyMatch(n -> n.startsWith("undertow-core-"));
        // Every jar the server loads is in the SBOM; every third-party one has its licence listed.
        assertThat(components).containsAll(jars);
        for (String jar : jars) {
            if (!jar.startsWith("gateway-")) {
                String artifact = jar.substring(0, jar.length() - ".jar".length());
                String version = artifact.substring(artifact.lastIndexOf('-') + 1);
                String id = artifact.substring(0, artifact.lastIndexOf('-'));
                assertThat(thirdParty).as("THIRD-PARTY.txt names %s", jar).containsPattern(":" + id + ":" + version);
            }
        }
        assertThat(thirdParty).contains("Apache");
        // The licence files the dependencies ship, one folder each (Undertow's jar ships none).
        assertThat(home.resolve("licenses/jna-jar/META-INF/LICENSE")).content().contains("Apache");
    }

    @Test
    void servesHelloAndTheBlogWithTheJavaItFinds() throws Exception {
        try (UnpackedRelease.Server hello = release.serve(UnpackedRelease.app("hello"), site, Map.of(), List.of());
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(hello.uri("/greet")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("Hello, world! You asked for /greet\n");
            assertThat(UnpackedRelease.executableOf(hello.process()).toString())
                    .doesNotContain(release.home().toString());
        }
        // DEBUG: the blog migrates its H2 database in the working folder at start-up.
        Map<String, String> blogEnv = Map.of("SECRET_KEY", "release-test-secret-0123456789", "DEBUG", "true");
        try (UnpackedRelease.Server blog =
                        release.serve(UnpackedRelease.app("blog"), site, blogEnv, List.of("DATABASE_URL"));
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page =
                    client.send(HttpRequest.newBuilder(blog.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("No posts yet");
        }
    }
}
