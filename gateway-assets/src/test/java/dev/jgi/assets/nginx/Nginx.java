package dev.jgi.assets.nginx;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A real nginx master process on a loopback port, configured by a generated nginx.conf, for tests and benchmarks. */
public final class Nginx implements AutoCloseable {

    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"), Path.of("/usr/local/nginx/sbin/nginx"));

    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The nginx binary, when installed (Debian package nginx, installed by bin/setup-system). */
    public static Optional<Path> binary() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts nginx with {@code httpBlock} inside {@code http { }}, listening on {@code port}, its pid,
     * logs and temporary files under {@code dir}; returns once the port accepts connections.
     */
    public static Nginx start(Path dir, int port, String httpBlock) throws IOException, InterruptedException {
        Path nginx = binary().orElseThrow(() -> new IllegalStateException("nginx is not installed"));
        Files.createDirectories(dir.resolve("tmp"));
        String user = "root".equals(System.getProperty("user.name")) ? "user root root;\n" : "";
        String mimeTypes = Files.isReadable(Path.of("/etc/nginx/mime.types")) ? "include /etc/nginx/mime.types;\n" : "";
        String conf = """
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
                        user,
                        dir.resolve("nginx.pid"),
                        dir.resolve("error.log"),
                        mimeTypes,
                        dir.resolve("tmp"),
                        dir.resolve("tmp"),
                        dir.resolve("tmp"),
                        dir.resolve("tmp"),
                        dir.resolve("tmp"),
                        httpBlock);
        Path confFile = Files.writeString(dir.resolve("nginx.conf"), conf);
        Process process = new ProcessBuilder(
                        nginx.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        confFile.toString(),
                        "-e",
                        dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .start();
        Nginx started = new Nginx(process, dir, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + started.log());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return started;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        started.close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s: " + started.log());
    }

    public int port() {
        return port;
    }

    /** What nginx wrote to its error log and standard output. */
    public String log() throws IOException {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("error.log", "stdout.log")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                log.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return log.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
