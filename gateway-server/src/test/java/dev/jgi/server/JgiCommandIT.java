package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.tls.TestCertificates;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jgi command as operators use it: real processes, real signals, real sockets. */
class JgiCommandIT {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String HELLO = "dev.jgi.server.apps.HelloApp";
    private static final String TEST_CLASSES =
            Path.of("target", "test-classes").toAbsolutePath().toString();

    private static String get(int port, String path) throws Exception {
        return CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void versionAndHelpDocumentEveryOptionWithItsDefault() throws Exception {
        try (JgiProcess version = JgiProcess.run(Map.of(), "--version")) {
            assertThat(version.exitCode()).isZero();
            assertThat(version.stdout()).startsWith("jgi 1.0.0");
        }
        try (JgiProcess help = JgiProcess.run(Map.of(), "serve", "--help")) {
            assertThat(help.exitCode()).isZero();
            for (Setting setting : ServerConfig.settings()) {
                assertThat(help.stdout())
                        .contains("--" + setting.name())
                        .contains(
                                "JGI_" + setting.name().toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            assertThat(help.stdout()).contains("Default: 10MiB").contains("Default: 127.0.0.1:8000");
        }
    }

    @Test
    void usageErrorsAreOneLineAndExitCode2() throws Exception {
        try (JgiProcess unknown = JgiProcess.run(Map.of(), "serve", "--no-such-option", HELLO)) {
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.stderr().strip().lines())
                    .hasSize(1)
                    .first()
                    .asString()
                    .startsWith("jgi: error:");
        }
        try (JgiProcess badValue = JgiProcess.run(Map.of(), "serve", "--max-body-size", "lots", HELLO)) {
            assertThat(badValue.exitCode()).isEqualTo(2);
            assertThat(badValue.stderr()).contains("max-body-size");
        }
        try (JgiProcess unknownEnv = JgiProcess.run(Map.of("JGI_MAX_BODDY_SIZE", "1"), "serve", HELLO)) {
            assertThat(unknownEnv.exitCode()).isEqualTo(2);
            assertThat(unknownEnv.stderr()).contains("JGI_MAX_BODDY_SIZE");
        }
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jgi.properties");
        Files.writeString(file, "max-body-size = 1KiB\nmax-header-count = 7\ngraceful-timeout = 3s\n");
        try (JgiProcess print = JgiProcess.run(
                Map.of("JGI_MAX_BODY_SIZE", "2KiB", "JGI_MAX_HEADER_COUNT", "8"),
                "serve",
                "--config",
                file.toString(),
                "--max-body-size",
                "3KiB",
                "--print-config")) {
            assertThat(print.exitCode()).isZero();
            assertThat(print.stdout())
                    .contains(
                            "max-body-size = 3072",
                            "max-header-count = 8",
                            "graceful-timeout = 3s",
                            "keep-alive-timeout = 75s");
        }
        Files.writeString(file, "max-bodysize = 1KiB\n");
        try (JgiProcess unknownKey = JgiProcess.run(Map.of(), "serve", "--config", file.toString(), "--print-config")) {
            assertThat(unknownKey.exitCode()).isEqualTo(2);
            assertThat(unknownKey.stderr()).contains("unknown key 'max-bodysize'");
        }
    }

    @Test
    void portVariableMakesTheDefaultBindEveryInterface() throws Exception {
        try (JgiProcess print = JgiProcess.run(Map.of("PORT", "9999"), "serve", "--print-config")) {
            assertThat(print.stdout()).contains("bind = 0.0.0.0:9999");
        }
    }

    @Test
    void servesSyncAndAsyncAppsByClassFactoryAndBanner() throws Exception {
        try (JgiProcess sync = JgiProcess.start(
                Map.of(), "serve", "--classpath", TEST_CLASSES, "--bind", "127.0.0.1:0", HELLO + "::create")) {
            int port = sync.awaitPort();
            assertThat(get(port, "/there")).isEqualTo("hello /there yes");
            assertThat(sync.stderr())
                    .contains(
                            "(sync, a virtual thread per request)",
                            "limits: request line 8192 B (414)",
                            "timeouts: header read 30s (408)");
            sync.terminate();
            assertThat(sync.exitCode()).isZero();
            assertThat(sync.stdout()).contains("\"GET /there HTTP/1.1\" 200 16");
        }
        try (JgiProcess async = JgiProcess.start(
                Map.of(),
                "serve",
                "--classpath",
                TEST_CLASSES,
                "--bind",
                "127.0.0.1:0",
                "--access-log",
                "json",
                "dev.jgi.server.apps.EchoAsyncApp")) {
            int port = async.awaitPort();
            assertThat(get(port, "/a")).isEqualTo("async /a");
            async.terminate();
            assertThat(async.exitCode()).isZero();
            assertThat(async.stdout()).contains("\"status\":200", "\"request_id\":");
        }
    }

    @Test
    void servingAndCollectingToADirectoryNeverLoadTheAwsSdk(@TempDir Path dir) throws Exception {
        Map<String, String> verbose =
                Map.of("JGI_JAVA_OPTS", "-Xlog:class+load=info:file=" + dir.resolve("classes.log"));
        try (JgiProcess serve = JgiProcess.start(
                verbose, "serve", "--classpath", TEST_CLASSES, "--bind", "127.0.0.1:0", HELLO + "::create")) {
            int port = serve.awaitPort();
            assertThat(get(port, "/x")).startsWith("hello /x");
            serve.terminate();
            assertThat(serve.exitCode()).isZero();
        }
        String served = Files.readString(dir.resolve("classes.log"));
        assertThat(served).contains("dev.jgi.server.cli.Serve ").doesNotContain("software.amazon.awssdk");
        Path source = Files.createDirectories(dir.resolve("src"));
        Files.writeString(source.resolve("a.css"), "a {}");
        try (JgiProcess collect = JgiProcess.run(
                verbose,
                "collect-static",
                source.toString(),
                "--to",
                dir.resolve("out").toString())) {
            assertThat(collect.exitCode()).isZero();
        }
        String collected = Files.readString(dir.resolve("classes.log"));
        assertThat(collected).contains("dev.jgi.server.cli.CollectStatic ").doesNotContain("software.amazon.awssdk");
        try (JgiProcess bucket = JgiProcess.run(
                verbose, "collect-static", source.toString(), "--to", "s3://bucket?endpoint=http://127.0.0.1:1")) {
            assertThat(bucket.exitCode()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("classes.log")))
                .as("the check above can fail: an s3:// target does load the SDK")
                .contains("software.amazon.awssdk");
    }

    @Test
    void theServersInternalsAreClosedToTheAppEvenByReflection() throws Exception {
        try (JgiProcess jgi = serveHello()) {
            int port = jgi.awaitPort();
            assertThat(get(port, "/reach")).startsWith("dev.jgi.server.").endsWith(" closed");
        }
    }

    @Test
    void servesTlsAndHttp2FromPemFiles(@TempDir Path dir) throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        try (JgiProcess jgi = serveHello(
                "--certfile",
                pem.certFile().toString(),
                "--keyfile",
                pem.keyFile().toString())) {
            int port = jgi.awaitPort();
            HttpResponse<String> response = HttpClient.newBuilder()
                    .sslContext(TestCertificates.trusting(pem.certFile()))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/tls"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.body()).isEqualTo("hello /tls yes");
        }
    }

    /** The first run with {@code JGI_AOT_CACHE} records the cache as it stops; the next loads the server from it. */
    @Test
    void anAheadOfTimeCacheIsRecordedOnceAndThenUsed(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs Java 25");
        Path cache = dir.resolve("jgi.aot");
        serveHelloAndStop(Map.of("JGI_AOT_CACHE", cache.toString()));
        assertThat(cache).isNotEmptyFile();
        Path classes = dir.resolve("classes.log");
        serveHelloAndStop(
                Map.of("JGI_AOT_CACHE", cache.toString(), "JGI_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes));
        // Undertow's, not the server's own: the build's coverage agent instruments dev.jgi classes, and
        // the cache holds no class an agent rewrites. Without the cache no class outside the JDK is shared.
        assertThat(Files.readString(classes))
                .contains("io.undertow.server.HttpServerExchange source: shared objects file");
    }

    /** Serves the hello app with {@code env}, asks it once and stops it, which must exit 0. */
    private static void serveHelloAndStop(Map<String, String> env) throws Exception {
        try (JgiProcess jgi = JgiProcess.start(
                env, "serve", "--classpath", TEST_CLASSES, "--bind", "127.0.0.1:0", HELLO + "::create")) {
            assertThat(get(jgi.awaitPort(), "/x")).startsWith("hello /x");
            jgi.terminate();
            assertThat(jgi.exitCode()).isZero();
        }
    }

    @Test
    void startupFailureExitsNonZeroWithTheAppsMessage() throws Exception {
        try (JgiProcess failing = JgiProcess.run(
                Map.of("JGI_JAVA_OPTS", "-DHELLO_FAIL_START=1"),
                "serve",
                "--classpath",
                TEST_CLASSES,
                "--bind",
                "127.0.0.1:0",
                HELLO)) {
            assertThat(failing.exitCode()).isEqualTo(1);
            assertThat(failing.stderr()).contains("the database is unreachable").doesNotContain("HelloApp stopped");
        }
    }

    @Test
    void envFileEntriesReachTheApp(@TempDir Path dir) throws Exception {
        Path env = dir.resolve(".env");
        Files.writeString(
                env, "# settings\nDATABASE_URL=postgres://db/app\nexport SECRET_KEY='s3cret'\nDEBUG=\"false\"\n");
        try (JgiProcess jgi = serveHello("--env-file", env.toString())) {
            int port = jgi.awaitPort();
            assertThat(get(port, "/env")).isEqualTo("postgres://db/app s3cret false");
        }
    }

    @Test
    void sighupIsHandledAndDoesNotStopTheServer() throws Exception {
        try (JgiProcess jgi = serveHello("--access-log", "off")) {
            int port = jgi.awaitPort();
            // Without jgi's handler the JVM treats SIGHUP as a request to exit (status 129).
            Command.of("kill", "-HUP", Long.toString(jgi.pid()))
                    .run(Duration.ofSeconds(30))
                    .successfulOutput();
            for (int i = 0; i < 3; i++) {
                assertThat(get(port, "/after-hup")).as(jgi.output()).isNotEmpty();
            }
            jgi.terminate();
            assertThat(jgi.exitCode()).as(jgi.output()).isZero();
        }
    }

    @Test
    void sigtermUnderLoadFinishesEveryAcceptedRequestAndExitsZero() throws Exception {
        try (JgiProcess jgi = serveHello("--access-log", "off")) {
            int port = jgi.awaitPort();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String path = i % 4 == 0 ? "/slow?300" : "/x";
                clients.add(Thread.ofVirtual().start(() -> {
                    while (!stop.get()) {
                        try {
                            HttpResponse<String> response = CLIENT.send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 200) {
                                ok.incrementAndGet();
                            } else {
                                failures.add("status " + response.statusCode());
                            }
                        } catch (ConnectException refused) {
                            return;
                        } catch (Exception e) {
                            failures.add(e.toString());
                            return;
                        }
                    }
                }));
            }
            eventually(Duration.ofSeconds(30), () -> assertThat(ok).hasValueGreaterThanOrEqualTo(200));
            jgi.terminate();
            assertThat(jgi.exitCode()).isZero();
            stop.set(true);
            for (Thread client : clients) {
                client.join(10_000);
            }
            assertThat(failures).isEmpty();
            assertThat(ok.get()).isGreaterThanOrEqualTo(200);
            assertThat(jgi.stderr()).contains("HelloApp stopped");
        }
    }

    @Test
    void reloadSwapsInTheChangedAppWithoutRestarting(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        ReloadableApp.compile(classes, "v1");
        try (JgiProcess jgi = JgiProcess.start(
                Map.of(),
                "serve",
                "--reload",
                "--classpath",
                classes.toString(),
                "--bind",
                "127.0.0.1:0",
                "--access-log",
                "off",
                ReloadableApp.NAME)) {
            int port = jgi.awaitPort();
            assertThat(get(port, "/")).isEqualTo("v1");
            ReloadableApp.recompile(classes, "v2");
            eventually(Duration.ofSeconds(15), () -> assertThat(get(port, "/")).isEqualTo("v2"));
            assertThat(jgi.stderr()).contains("reloaded " + ReloadableApp.NAME);
        }
    }

    @Test
    void checkConfigLoadsTheAppAndExits() throws Exception {
        try (JgiProcess check = JgiProcess.run(
                Map.of(), "serve", "--check-config", "--classpath", TEST_CLASSES, "dev.jgi.server.apps.EchoAsyncApp")) {
            assertThat(check.exitCode()).isZero();
            assertThat(check.stdout()).contains("configuration OK", "(async)");
        }
        try (JgiProcess missing =
                JgiProcess.run(Map.of(), "serve", "--check-config", "--classpath", TEST_CLASSES, "no.such.App")) {
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.stderr()).contains("class not found: no.such.App");
        }
    }

    @Test
    void collectStaticGathersHashedFilesAndAManifest(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("assets");
        Files.createDirectories(source.resolve("js"));
        Files.writeString(source.resolve("js/app.js"), "console.log('hi');\n".repeat(200));
        Path to = dir.resolve("collected");
        try (JgiProcess collect =
                JgiProcess.run(Map.of(), "collect-static", source.toString(), "--to", to.toString())) {
            assertThat(collect.exitCode()).as(collect.stderr()).isZero();
            assertThat(collect.stdout()).contains("collected 1 assets");
        }
        assertThat(to.resolve("staticfiles.json")).exists();
        assertThat(to.resolve("js/app.js")).exists();
        try (JgiProcess missing = JgiProcess.run(Map.of(), "collect-static", "--to", to.toString())) {
            assertThat(missing.exitCode()).isEqualTo(2);
        }
    }

    /** {@code jgi serve} of the test classes' hello app on a free loopback port, with {@code options} added. */
    private static JgiProcess serveHello(String... options) {
        List<String> arguments =
                new java.util.ArrayList<>(List.of("serve", "--classpath", TEST_CLASSES, "--bind", "127.0.0.1:0"));
        arguments.addAll(List.of(options));
        arguments.add(HELLO);
        return JgiProcess.start(Map.of(), arguments.toArray(String[]::new));
    }
}
