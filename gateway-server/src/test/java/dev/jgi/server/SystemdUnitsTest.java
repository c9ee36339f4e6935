package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd units of {@code docs/deploy/}, verbatim, pass {@code systemd-analyze verify} in a
 * root laid out as they expect ({@code /opt/jgi/bin/jgi}, {@code /etc/jgi/app.env}, the system's
 * own units), and keep the settings the operations guide promises.
 */
class SystemdUnitsTest {

    private static final Path UNITS =
            Path.of("..", "docs", "deploy").toAbsolutePath().normalize();

    @Test
    void theUnitsPassSystemdAnalyzeVerify(@TempDir Path root) throws Exception {
        copyTree(Path.of("/usr/lib/systemd/system"), root.resolve("usr/lib/systemd/system"));
        Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
        for (String unit : new String[] {"jgi.socket", "jgi@.service"}) {
            Files.copy(UNITS.resolve(unit), units.resolve(unit));
        }
        Path jgi = Files.createDirectories(root.resolve("opt/jgi/bin")).resolve("jgi");
        Files.writeString(jgi, "#!/bin/sh\n");
        Files.setPosixFilePermissions(jgi, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("etc/jgi"));
        Files.writeString(root.resolve("etc/jgi/app.env"), "JGI_GRACEFUL_TIMEOUT=25s\n");
        Process verify = new ProcessBuilder(
                        "systemd-analyze",
                        "verify",
                        "--root=" + root,
                        "/etc/systemd/system/jgi.socket",
                        "/etc/systemd/system/jgi@blue.service")
                .redirectErrorStream(true)
                .start();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(said).isZero();
        assertThat(said).as("systemd-analyze warnings").isBlank();
    }

    @Test
    void theServiceIsHardenedNotifiesAndServesTheInheritedSocket() throws Exception {
        String service = Files.readString(UNITS.resolve("jgi@.service"));
        assertThat(service)
                .contains("Type=notify\n", "NotifyAccess=main\n", "Sockets=jgi.socket\n", "WatchdogSec=")
                .contains("DynamicUser=yes\n", "ProtectSystem=strict\n", "NoNewPrivileges=yes\n", "LimitNOFILE=")
                .containsPattern("ExecStart=/opt/jgi/bin/jgi serve --bind fd:3 ");
        assertThat(Files.readString(UNITS.resolve("jgi.socket"))).contains("ListenStream=");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(
                            file, target, StandardCopyOption.COPY_ATTRIBUTES, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
