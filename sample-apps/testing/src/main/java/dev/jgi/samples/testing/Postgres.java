package dev.jgi.samples.testing;

import dev.jgi.testing.Command;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from Debian's {@code postgresql} package: {@code initdb} in a
 * temporary directory, the server on a free loopback port with trust authentication, stopped and
 * deleted on close. PostgreSQL refuses to run as root, so as root (CI) it runs as the
 * {@code postgres} system user through {@code runuser}.
 */
public final class Postgres implements AutoCloseable {

    private final Path binaries;
    private final Path dir;
    private final int port;
    private final boolean asRoot;

    private Postgres(Path binaries, Path dir, int port, boolean asRoot) {
        this.binaries = binaries;
        this.dir = dir;
        this.port = port;
        this.asRoot = asRoot;
    }

    public static Postgres start() throws IOException, InterruptedException {
        Path binaries = findBinaries();
        if (binaries == null) {
            throw new AssertionError(
                    "PostgreSQL is not installed; bin/setup-system installs the Debian package postgresql");
        }
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("jgi-pg");
        if (asRoot) {
            UserPrincipal postgres =
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port = freePort();
        Postgres pg = new Postgres(binaries, dir, port, asRoot);
        pg.run(
                "initdb",
                "-D",
                dir.resolve("data").toString(),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync");
        pg.startServer();
        return pg;
    }

    /** Starts the server again on the same port and data, after {@link #stopServer()}; waits until it accepts. */
    public void startServer() throws IOException, InterruptedException {
        run(
                "pg_ctl",
                "-D",
                dir.resolve("data").toString(),
                "-l",
                dir.resolve("log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-h 127.0.0.1 -p " + port + " -k " + dir + " -F",
                "start");
    }

    /**
     * Stops the server as an operator's restart does ({@code pg_ctl stop -m fast}): open
     * connections are ended, new ones refused until {@link #startServer()}.
     */
    public void stopServer() throws IOException, InterruptedException {
        run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /** A {@code DATABASE_URL} for a new database of this cluster, as Heroku and Django spell it. */
    public String createDatabase(String name) throws IOException, InterruptedException {
        run("createdb", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", name);
        return "postgres://postgres@127.0.0.1:" + port + "/" + name;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binaries.resolve(tool).toString());
        command.addAll(List.of(args));
        Command.of(command).run(Duration.ofSeconds(90)).successfulOutput();
    }

    private static Path findBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
