package dev.jgi.server.nginx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real nginx, run by a test as a child process on a loopback port, all its files in one directory. */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path dir;
    final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts nginx with the {@code http} block that {@code httpBlock} makes for the chosen port.
     *
     * @param httpBlock the inside of nginx's {@code http {}} block, given the listen port
     */
    static Nginx start(Path dir, java.util.function.IntFunction<String> httpBlock) throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            throw new AssertionError("nginx is not installed; run bin/setup-system");
        }
        int port = freePort();
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(
                dir.resolve("nginx.conf"),
                String.join(
                        "\n",
                        "user root;",
                        "worker_processes 1;",
                        "pid " + dir.resolve("nginx.pid") + ";",
                        "error_log " + dir.resolve("logs/error.log") + " warn;",
                        "events { worker_connections 256; }",
                        "http {",
                        "  access_log off;",
                        "  client_body_temp_path " + dir.resolve("client_body") + ";",
                        "  proxy_temp_path " + dir.resolve("proxy") + ";",
                        "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                        "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                        "  scgi_temp_path " + dir.resolve("scgi") + ";",
                        httpBlock.apply(port),
                        "}",
                        ""));
        Process process = new ProcessBuilder(List.of(
                        nginx.toString(),
                        "-p",
                        dir.toString(),
                        "-e",
                        dir.resolve("logs/error.log").toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("logs/stdout.log").toFile())
                .start();
        Nginx started = new Nginx(process, dir, port);
        started.awaitListening();
        return started;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + log());
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen within 10 s: " + log());
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("logs/error.log")) + Files.readString(dir.resolve("logs/stdout.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Fast shutdown (SIGTERM), waited for. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
