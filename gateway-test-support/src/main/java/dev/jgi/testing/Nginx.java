package dev.jgi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;

/**
 * The real nginx (Debian's package, which bin/setup-system installs) as a child process on a
 * loopback port, its configuration, pid, logs and temporary files in one directory. nginx cannot
 * bind port 0 and report it, so the port is found free first; when another process takes it in
 * between, nginx is started again on another.
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final Path MIME_TYPES = Path.of("/etc/nginx/mime.types");
    private static final int ATTEMPTS = 5;

    private final ChildProcess process;
    private final Path dir;
    private final int port;

    private Nginx(ChildProcess process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts nginx with {@code httpBlock.apply(port)} inside its {@code http {}} block and returns
     * once the port accepts connections.
     *
     * @param dir       where nginx keeps its files; created if missing
     * @param httpBlock the inside of the {@code http {}} block (servers, upstreams) for a port
     */
    public static Nginx start(Path dir, IntFunction<String> httpBlock) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " is missing; bin/setup-system installs the Debian package nginx");
        }
        Files.createDirectories(dir.resolve("tmp"));
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path conf = Files.writeString(dir.resolve("nginx.conf"), configuration(dir, httpBlock.apply(port)));
            Files.deleteIfExists(dir.resolve("error.log"));
            ChildProcess process = Command.of(
                            BINARY.toString(),
                            "-p",
                            dir.toString(),
                            "-e",
                            dir.resolve("error.log").toString(),
                            "-c",
                            conf.toString())
                    .start();
            Nginx nginx = new Nginx(process, dir, port);
            try {
                nginx.awaitListening();
                return nginx;
            } catch (AssertionError failed) {
                nginx.close();
                if (attempt == ATTEMPTS || !nginx.log().contains("Address already in use")) {
                    throw failed;
                }
            }
        }
    }

    private static String configuration(Path dir, String httpBlock) {
        Path tmp = dir.resolve("tmp");
        return """
                %sworker_processes 1;
                daemon off;
                pid %s;
                error_log %s warn;
                events { worker_connections 1024; }
                http {
                %sdefault_type application/octet-stream;
                access_log off;
                client_body_temp_path %s/body;
                proxy_temp_path %s/proxy;
                fastcgi_temp_path %s/fastcgi;
                uwsgi_temp_path %s/uwsgi;
                scgi_temp_path %s/scgi;
                %s
                }
                """.formatted(
                        // As root (CI), workers would run as nobody and could not read the test's files.
                        "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "",
                        dir.resolve("nginx.pid"),
                        dir.resolve("error.log"),
                        Files.isReadable(MIME_TYPES) ? "include " + MIME_TYPES + ";\n" : "",
                        tmp,
                        tmp,
                        tmp,
                        tmp,
                        tmp,
                        httpBlock);
    }

    private void awaitListening() throws InterruptedException {
        Eventually.eventually(Duration.ofSeconds(10), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** What nginx wrote to its error log and its standard streams. */
    public String log() {
        try {
            Path errors = dir.resolve("error.log");
            return (Files.exists(errors) ? Files.readString(errors) : "") + process.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fast shutdown (SIGTERM), waited for. */
    @Override
    public void close() {
        process.close();
    }
}
