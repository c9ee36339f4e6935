package dev.jgi.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.server.GatewayServer;
import dev.jgi.tck.probe.ProbeApp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloadable TCK as a vendor uses it: the bundle the gateway-tck build packs is unpacked
 * outside the project and its own {@code bin/jgi-tck} runs, in a separate JVM with nothing but the
 * bundle's {@code lib/}, against a probe deployed in a server (the reference server here).
 */
class TckBundleIT {

    @Test
    void unpackedBundleRunsTheSuiteAgainstADeployedProbe(@TempDir Path scratch) throws Exception {
        Path home = unpack(bundle(), scratch);
        assertThat(home.resolve("README.md")).exists();
        assertThat(home.resolve("docs/vendor-guide.md")).exists();
        assertThat(home.resolve("docs/challenges.md")).exists();
        assertThat(home.resolve("docs/spec/jgi-1.0.md")).exists();
        Path report = scratch.resolve("report");
        try (GatewayServer probe = GatewayServer.builder((Application) new ProbeApp())
                .bind("127.0.0.1", 0)
                .forwardedAllowIps(List.of())
                .accessLog(dev.jgi.server.ServerConfig.AccessLogFormat.OFF)
                .build()) {
            probe.start();
            ProcessBuilder command = new ProcessBuilder(
                            home.resolve("bin/jgi-tck").toString(),
                            "--endpoint",
                            "http://127.0.0.1:" + probe.port(),
                            "--report",
                            report.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(scratch.resolve("run.log").toFile())
                    .directory(scratch.toFile());
            command.environment().put("JAVA_HOME", System.getProperty("java.home"));
            command.environment().remove("JGI_TCK_CLASSPATH");
            Process run = command.start();
            boolean ended = run.waitFor(10, TimeUnit.MINUTES);
            if (!ended) {
                run.destroyForcibly();
            }
            String log = Files.readString(scratch.resolve("run.log"));
            assertThat(ended).as("the run ended; its output:%n%s", log).isTrue();
            assertThat(run.exitValue()).as("exit status; output:%n%s", log).isZero();
        }
        assertThat(Files.readString(report.resolve("report.md"))).contains("**CONFORMING**");
        try (Stream<Path> junit = Files.walk(report)) {
            assertThat(junit.filter(p -> p.toString().endsWith(".xml"))).isNotEmpty();
        }
    }

    /** The bundle the gateway-tck module packed in this build. */
    private static Path bundle() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "gateway-tck", "target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-bundle.zip"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no gateway-tck-*-bundle.zip: package gateway-tck first"));
        }
    }

    /** Unzips as a vendor would, keeping the launcher executable; returns the bundle's directory. */
    private static Path unpack(Path zip, Path into) throws IOException {
        Path home = null;
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the bundle: " + entry.getName());
                }
                if (home == null) {
                    home = into.resolve(Path.of(entry.getName()).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
        if (home == null) {
            throw new IOException("empty bundle " + zip);
        }
        home.resolve("bin/jgi-tck").toFile().setExecutable(true);
        return home;
    }
}
