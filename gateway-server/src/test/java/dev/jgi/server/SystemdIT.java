package dev.jgi.server;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.JgiProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgi serve} under systemd's protocols, driven for real: a datagram notify socket that
 * checks the sender's PID as systemd does, and a supervisor that passes a listening socket as
 * descriptor 3 the way socket activation does, for a restart under load.
 */
class SystemdIT {

    private static final String TEST_CLASSES =
            java.nio.file.Path.of("target", "test-classes").toAbsolutePath().toString();

    private static final Path SCRIPTS =
            Path.of("src", "test", "resources", "systemd").toAbsolutePath();
    private static final String HELLO = "dev.jgi.server.apps.HelloApp";

    @Test
    void notifiesReadyStatusWatchdogAndStoppingFromItsOwnPid(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("notify.sock");
        Process listener = new ProcessBuilder(
                        "python3", SCRIPTS.resolve("notify-listen.py").toString(), socket.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader heard =
                new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(heard.readLine()).isEqualTo("listening");
            try (JgiProcess jgi = JgiProcess.start(
                    java.util.Map.of("NOTIFY_SOCKET", socket.toString(), "WATCHDOG_USEC", "400000"),
                    "serve",
                    "--bind",
                    "127.0.0.1:0",
                    "--access-log",
                    "off",
                    "--classpath",
                    TEST_CLASSES,
                    HELLO)) {
                String pid = Long.toString(jgi.pid());
                int port = jgi.awaitPort();
                String ready = heard.readLine();
                assertThat(ready).startsWith(pid + "\tREADY=1|MAINPID=" + pid + "|STATUS=serving; ");
                // READY=1 comes after the listeners are bound: the port answers.
                assertThat(Servers.CLIENT
                                .send(
                                        HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
                List<String> lines = new ArrayList<>();
                while (lines.stream()
                                        .filter(line -> line.endsWith("\tWATCHDOG=1"))
                                        .count()
                                < 3
                        || lines.stream().noneMatch(line -> line.contains("\tSTATUS=serving; "))) {
                    lines.add(heard.readLine());
                }
                assertThat(lines).allMatch(line -> line.startsWith(pid + "\t"));
                jgi.terminate();
                String line;
                do {
                    line = heard.readLine();
                } while (line != null && !line.contains("STOPPING=1"));
                assertThat(line).startsWith(pid + "\tSTOPPING=1|STATUS=draining; ");
                assertThat(jgi.exitCode()).isZero();
            }
        } finally {
            listener.destroy();
        }
    }

    @Test
    void aNewServerTakesOverTheInheritedSocketUnderLoadWithNoFailedRequest(@TempDir Path dir) throws Exception {
        Process supervisor = new ProcessBuilder(
                        "python3", SCRIPTS.resolve("activate.py").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader said =
                new BufferedReader(new InputStreamReader(supervisor.getInputStream(), StandardCharsets.UTF_8));
        Writer ask = new java.io.OutputStreamWriter(supervisor.getOutputStream(), StandardCharsets.UTF_8);
        List<Long> started = new ArrayList<>();
        try {
            int port = Integer.parseInt(said.readLine().substring("port ".length()));
            String url = "http://127.0.0.1:" + port;
            long old = spawn(said, ask, dir.resolve("old"));
            started.add(old);
            awaitListening(dir.resolve("old.err"), port);
            // 32 connections of steady load for the whole restart, and one slow request on the old server.
            // A request answered late (the successor's JIT is cold) is slow, not failed: wrk counts a
            // timeout past --timeout, which is set above the graceful timeout.
            Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d20s", "--timeout", "30s", url + "/")
                    .redirectErrorStream(true)
                    .start();
            CompletableFuture<HttpResponse<String>> slow = Servers.CLIENT.sendAsync(
                    HttpRequest.newBuilder(java.net.URI.create(url + "/slow?3000"))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(2000);
            long successor = spawn(said, ask, dir.resolve("new"));
            started.add(successor);
            awaitListening(dir.resolve("new.err"), port);
            ProcessHandle.of(old).orElseThrow().destroy();
            assertThat(awaitExit(dir.resolve("old"))).isEqualTo("0");
            HttpResponse<String> answered = slow.get(60, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(wrk.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String load = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher total = Pattern.compile("(\\d+) requests in").matcher(load);
            assertThat(total.find()).as(load).isTrue();
            assertThat(Long.parseLong(total.group(1))).as(load).isGreaterThan(100);
            assertThat(load)
                    .as("wrk saw failures")
                    .doesNotContain("Socket errors")
                    .doesNotContain("Non-2xx");
            System.out.println("restart under 32 connections of load: " + total.group(1) + " requests, 0 failed");
            assertThat(Files.readString(dir.resolve("old.err"))).contains("stopped");
            // The new server answers on the same socket after the old one left.
            assertThat(Servers.CLIENT
                            .send(
                                    HttpRequest.newBuilder(java.net.URI.create(url + "/"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .startsWith("hello");
        } finally {
            ask.close();
            for (long pid : started) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
            supervisor.destroy();
        }
    }

    private static long spawn(BufferedReader said, Writer ask, Path output) throws IOException {
        ask.write(String.join(
                "\t",
                "spawn",
                output + ".out",
                output + ".err",
                JgiProcess.root().resolve("bin/jgi").toString(),
                "serve",
                "--bind",
                "fd:3",
                "--access-log",
                "off",
                "--graceful-timeout",
                "30s",
                "--classpath",
                TEST_CLASSES,
                HELLO));
        ask.write('\n');
        ask.flush();
        String line = said.readLine();
        assertThat(line).startsWith("pid ");
        return Long.parseLong(line.substring("pid ".length()));
    }

    /** The exit code the supervisor recorded for a child, once it exited. */
    private static String awaitExit(Path output) throws Exception {
        Path code = Path.of(output + ".out.exit");
        eventually(
                Duration.ofSeconds(60),
                () -> assertThat(code).as("the child's exit code").exists());
        return Files.readString(code).strip();
    }

    private static void awaitListening(Path err, int port) throws Exception {
        eventually(Duration.ofSeconds(90), () -> {
            String banner = Files.exists(err) ? Files.readString(err) : "";
            if (banner.contains("jgi: error")) {
                throw new IllegalStateException("the server did not start on the inherited socket: " + banner);
            }
            assertThat(banner)
                    .as("the server did not start on the inherited socket")
                    .contains("listening on http://127.0.0.1:" + port);
        });
    }
}
