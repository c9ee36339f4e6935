package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgi_VERSION_amd64.deb}: installed with dpkg into a throw-away root (an overlay of this
 * machine's root in a mount namespace of its own, see {@code src/test/sh/deb-in-throwaway-root}),
 * {@code jgi serve} of the hello jar as the package's {@code jgi} user there, then removed and
 * purged, leaving nothing but dpkg's records and the user Debian keeps.
 */
class DebianPackageIT {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path scratch;

    @Test
    void installsServesAndRemovesCleanly() throws Exception {
        assumeTrue(Root.isRoot(), Root.NEEDED);
        Path deb;
        try (Stream<Path> files = Files.list(UnpackedRelease.releases())) {
            deb = files.filter(file -> file.getFileName().toString().matches("jgi_.*_amd64\\.deb"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the linux-packages profile makes jgi_VERSION_amd64.deb"));
        }
        assertThat(deb.getFileName().toString())
                .isEqualTo("jgi_" + System.getProperty("jgi.version").replace("-SNAPSHOT", "~SNAPSHOT") + "_amd64.deb");
        try (ChildProcess install = Command.of(
                                "unshare",
                                "--mount",
                                "--propagation",
                                "private",
                                "--fork",
                                "--kill-child=SIGTERM",
                                "--",
                                Path.of("src/test/sh/deb-in-throwaway-root")
                                        .toAbsolutePath()
                                        .toString(),
                                scratch.toString(),
                                deb.toString(),
                                UnpackedRelease.app("hello").toString())
                        .start();
                HttpClient client = HttpClient.newHttpClient()) {
            URI base = URI.create(install.awaitOutput(Pattern.compile("listening on (http://[0-9.]+:\\d+)"), START)
                    .group(1));
            String installed = install.stdout();
            assertThat(line(installed, "user")).matches("jgi:x:\\d+:\\d+:.*:/var/lib/jgi:/usr/sbin/nologin");
            assertThat(line(installed, "command")).isEqualTo("../lib/jgi/bin/jgi");
            assertThat(line(installed, "units")).isEqualTo("jgi.socket jgi@.service");
            assertThat(line(installed, "enabled"))
                    .as("the units are disabled by default")
                    .isEmpty();
            assertThat(line(installed, "unit-user"))
                    .isEqualTo("ExecStart=/usr/bin/jgi serve --bind fd:3 /srv/jgi/app.jar User=jgi");

            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(base.resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo("Hello, world! You asked for /\n");
            long server = Long.parseLong(install.awaitOutput(Pattern.compile("server: (\\d+)"), START)
                    .group(1));
            assertThat(Files.readSymbolicLink(Path.of("/proc", Long.toString(server), "exe"))
                            .toString())
                    .as("the package's own runtime runs the server")
                    .endsWith("/usr/lib/jgi/runtime/bin/java");
            ProcessHandle.of(server).ifPresent(ProcessHandle::destroy);

            ChildProcess.Result removed = install.awaitResult(Duration.ofMinutes(3));
            assertThat(removed.exit()).as(removed.output()).isZero();
            String after = removed.stdout();
            assertThat(line(after, "after-remove"))
                    .as("remove keeps the conffile only")
                    .isEqualTo("etc/jgi/app.env");
            assertThat(line(after, "after-purge")).isEmpty();
            assertThat(line(after, "user-after-purge"))
                    .as("Debian keeps a system user on purge")
                    .startsWith("jgi:");
            assertThat(line(after, "left")).as("files the package left behind").isEmpty();
            assertThat(line(after, "package-state")).doesNotContain("installed");
            assertThat(line(after, "lintian")).as("lintian's errors").doesNotContain("E: ");
        }
    }

    /** The value of the script's line {@code name: value}. */
    private static String line(String output, String name) throws IOException {
        List<String> values = output.lines()
                .filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).strip())
                .toList();
        assertThat(values).as("the script's %s line in:%n%s", name, output).hasSize(1);
        return values.getFirst();
    }
}
