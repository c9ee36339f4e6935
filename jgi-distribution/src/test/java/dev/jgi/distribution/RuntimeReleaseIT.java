package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.Command;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgi-VERSION-linux-x64.tar.gz}, the release with its own jlink runtime, run with no Java
 * on {@code PATH} and no {@code JAVA_HOME}: the server, a JDBC app and an AWT-imaging app.
 */
class RuntimeReleaseIT {

    /** A {@code PATH} with the system's tools and no JDK of the build's. */
    private static final Map<String, String> NO_JAVA = Map.of("PATH", "/usr/bin:/bin");

    private static final List<String> NO_JAVA_HOME = List.of("JAVA_HOME");

    private static UnpackedRelease release;

    @TempDir
    Path site;

    @BeforeAll
    static void unpack() {
        release = UnpackedRelease.shared(UnpackedRelease.name() + "-linux-x64.tar.gz");
    }

    @Test
    void runtimeCarriesTheDocumentedModulesAndNoCompiler() {
        String modules = Command.of(release.home().resolve("runtime/bin/java").toString(), "--list-modules")
                .with(NO_JAVA)
                .without(NO_JAVA_HOME)
                .run()
                .successfulOutput();
        List<String> names = modules.lines().map(line -> line.split("@", -1)[0]).toList();
        assertThat(names)
                .containsAll(
                        Arrays.asList(System.getProperty("jgi.runtime.modules").split(",")))
                .contains("java.sql", "java.desktop", "java.naming", "java.net.http", "jdk.unsupported")
                .doesNotContain("jdk.compiler", "jdk.jlink", "jdk.javadoc");
        assertThat(release.home().resolve("runtime/bin/javac")).doesNotExist();
    }

    @Test
    void servesHelloTheBlogAndContractsWithoutAnInstalledJava() throws Exception {
        Path runtime = release.home().resolve("runtime").toRealPath();
        try (UnpackedRelease.Server hello = release.serve(UnpackedRelease.app("hello"), site, NO_JAVA, NO_JAVA_HOME);
                HttpClient client = HttpClient.newHttpClient()) {
            assertThat(UnpackedRelease.executableOf(hello.process())).startsWith(runtime);
            HttpResponse<String> page =
                    client.send(HttpRequest.newBuilder(hello.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo("Hello, world! You asked for /\n");
        }

        // java.sql: the blog's admin command migrates its H2 database with the release's own java.
        Map<String, String> blogEnv = Map.of("PATH", "/usr/bin:/bin", "SECRET_KEY", "runtime-test-secret-0123456789");
        String migrated = Command.of(
                        runtime.resolve("bin/java").toString(),
                        "-cp",
                        UnpackedRelease.app("blog").toString(),
                        "dev.jgi.samples.blog.Admin",
                        "migrate")
                .in(site)
                .with(blogEnv)
                .without(List.of("JAVA_HOME", "DATABASE_URL", "DEBUG"))
                .run(Duration.ofMinutes(2))
                .successfulOutput();
        assertThat(migrated).contains("Applied 2 migration(s)");
        try (UnpackedRelease.Server blog = release.serve(
                        UnpackedRelease.app("blog"), site, blogEnv, List.of("JAVA_HOME", "DATABASE_URL", "DEBUG"));
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> page =
                    client.send(HttpRequest.newBuilder(blog.uri("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("No posts yet");
        }

        // java.desktop: the contracts sample renders its PDF with PDFBox, which draws with AWT.
        try (UnpackedRelease.Server contracts =
                        release.serve(UnpackedRelease.app("contracts"), site, NO_JAVA, NO_JAVA_HOME);
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> pdf = client.send(
                    HttpRequest.newBuilder(contracts.uri("/contracts/1/download"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        }
    }
}
