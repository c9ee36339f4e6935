package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgi-VERSION-oci.tar}, the server's container image: no container runs on this machine, so
 * the test unpacks the image's layers into a folder as a runtime would and runs the config's
 * entrypoint from that root with {@code chroot}, as the config's user, with the config's
 * environment and {@code PORT} set as {@code docker run -e PORT=...} sets it. That the page and the
 * health check answer proves the image holds everything the server needs.
 */
class OciImageIT {

    private static final Duration START = Duration.ofSeconds(90);

    private static OciImage image;

    @TempDir
    static Path unpacked;

    @BeforeAll
    static void openImage() throws IOException {
        assumeTrue(Root.isRoot(), Root.NEEDED);
        Path layout = Files.createDirectory(unpacked.resolve("layout"));
        image = OciImage.open(UnpackedRelease.releases().resolve(UnpackedRelease.name() + "-oci.tar"), layout);
    }

    @Test
    void configRunsTheServerAsANonRootUserOnPortWithAHealthCheck() {
        JsonNode config = image.config().path("config");
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
        assertThat(image.config().path("architecture").asText()).isEqualTo("amd64");
        assertThat(config.path("User").asText()).isEqualTo("10001:10001");
        assertThat(texts(config.path("Entrypoint"))).containsExactly("/opt/jgi/bin/jgi", "serve");
        assertThat(texts(config.path("Cmd"))).containsExactly("/app/app.jar");
        assertThat(config.path("ExposedPorts").has("8000/tcp")).isTrue();
        assertThat(texts(config.path("Env"))).contains("PORT=8000", "JGI_ADMIN_BIND=127.0.0.1:9000");
        assertThat(texts(config.path("Healthcheck").path("Test")))
                .containsExactly("CMD", "/usr/local/bin/jgi-healthcheck");
        assertThat(config.path("Healthcheck").path("StartPeriod").asLong())
                .as("the startup probe's two minutes, as in the Kubernetes manifests")
                .isEqualTo(Duration.ofMinutes(2).toNanos());
    }

    @Test
    void serverRunsFromTheUnpackedLayersAsTheConfigsUser() throws Exception {
        Path root = Files.createDirectory(unpacked.resolve("root"));
        image.unpack(root);
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        Files.copy(UnpackedRelease.app("hello"), root.resolve("app/app.jar"));
        JsonNode config = image.config().path("config");
        String user = config.path("User").asText();
        int port = freePort();
        int adminPort = freePort();
        List<String> environment = new ArrayList<>();
        for (String variable : texts(config.path("Env"))) {
            if (!variable.startsWith("PORT=") && !variable.startsWith("JGI_ADMIN_BIND=")) {
                environment.add(variable);
            }
        }
        // As docker run -e would: this machine's port 8000 and 9000 may be taken by another build.
        environment.add("PORT=" + port);
        environment.add("JGI_ADMIN_BIND=127.0.0.1:" + adminPort);
        List<String> healthCheck = texts(config.path("Healthcheck").path("Test"));
        healthCheck = healthCheck.subList(1, healthCheck.size());

        assertThat(inRoot(root, user, environment, healthCheck).run().exit())
                .as("the health check fails while no server runs")
                .isEqualTo(1);

        List<String> server = new ArrayList<>(texts(config.path("Entrypoint")));
        server.addAll(texts(config.path("Cmd")));
        // A mount namespace of its own for /proc and /dev, as a container has; it ends with the server.
        List<String> line = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "--fork",
                "--kill-child=SIGTERM",
                "--",
                "sh",
                "-ec",
                "mount -t proc proc \"$1/proc\"; mount --rbind /dev \"$1/dev\"; shift; exec \"$@\"",
                "sh",
                root.toString()));
        line.addAll(inRoot(root, user, environment, server).line());
        try (ChildProcess running = Command.of(line).start();
                HttpClient client = HttpClient.newHttpClient()) {
            running.awaitOutput(Pattern.compile("listening on http://\\S+:" + port + "\\b"), START);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            HttpResponse<String> page =
                    client.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo("Hello, world! You asked for /\n");
            HttpResponse<String> livez = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/livez"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(livez.statusCode()).isEqualTo(200);
            assertThat(inRoot(root, user, environment, healthCheck).run().exit())
                    .as("the health check passes while the server runs")
                    .isZero();

            ProcessHandle java = ProcessHandle.of(running.pid())
                    .orElseThrow()
                    .descendants()
                    .filter(process -> executable(process).endsWith("opt/jgi/runtime/bin/java"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no java of the image among the server's processes"));
            assertThat(executable(java)).startsWith(root.toRealPath());
            assertThat(Files.readAllLines(Path.of("/proc", Long.toString(java.pid()), "status")))
                    .as("the server runs as the config's user")
                    .anyMatch(status -> status.matches("Uid:\\s+10001\\s+10001\\s+10001\\s+10001"));
        }
    }

    /**
     * {@code command} run in {@code root} as {@code user} with exactly {@code environment}; the
     * environment is set outside, by this machine's {@code env}: the image has none.
     */
    private static Command inRoot(Path root, String user, List<String> environment, List<String> command) {
        List<String> line = new ArrayList<>(List.of("env", "-i"));
        line.addAll(environment);
        // By its full path: env looks for it on the PATH it is given, the image's, which has no sbin.
        line.addAll(List.of("/usr/sbin/chroot", "--userspec=" + user, root.toString()));
        line.addAll(command);
        return Command.of(line);
    }

    private static Path executable(ProcessHandle process) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "exe"));
        } catch (IOException gone) {
            return Path.of("");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asText).toList();
    }
}
