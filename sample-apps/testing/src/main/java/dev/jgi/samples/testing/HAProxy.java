package dev.jgi.samples.testing;

import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real HAProxy (Debian's package, which bin/setup-system installs) as a child process in the
 * foreground ({@code -db}), with the configuration it is given; stopped on close.
 */
public final class HAProxy implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final ChildProcess process;

    private HAProxy(ChildProcess process) {
        this.process = process;
    }

    /**
     * Checks {@code configuration} ({@code haproxy -c}), starts HAProxy with it and returns once
     * {@code port}, where its frontend binds, accepts connections.
     */
    public static HAProxy start(Path dir, String configuration, int port) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing; bin/setup-system installs the Debian package haproxy");
        }
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("haproxy.cfg"), configuration);
        Command.of(BINARY.toString(), "-c", "-q", "-f", file.toString())
                .run(Duration.ofSeconds(30))
                .successfulOutput();
        HAProxy haproxy = new HAProxy(
                Command.of(BINARY.toString(), "-db", "-f", file.toString()).start());
        try {
            Eventually.eventually(Duration.ofSeconds(10), () -> {
                if (!haproxy.process.isAlive()) {
                    throw new IllegalStateException("haproxy exited: " + haproxy.process.output());
                }
                try (Socket probe = new Socket()) {
                    probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                }
            });
            return haproxy;
        } catch (AssertionError | InterruptedException e) {
            haproxy.close();
            throw e;
        }
    }

    /** What HAProxy printed: alerts and server state changes. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
