package dev.jgi.samples.blog;

import dev.jgi.testing.JgiProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Real {@code bin/jgi serve} instances of an app jar (the blog's, the chat's), started with a command
 * line of docs/deploy-scale-out.md (ports and paths replaced), each on its own loopback port with an
 * admin listener; they can be restarted one by one and killed.
 */
final class JgiCluster implements AutoCloseable {

    /**
     * Long: three instances starting at once with the build's coverage agent on the shared 2-core
     * machine took up to 190 s to be ready; alone and without the agent, about 6 s.
     */
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final String commandLine;
    private final Path jar;
    private final Path envFile;
    private final Path workDir;
    private final int[] ports;
    private final int[] adminPorts;
    private final JgiProcess[] processes;
    private final HttpClient probes = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private JgiCluster(String commandLine, Path jar, Path envFile, Path workDir, int size) throws IOException {
        this.commandLine = commandLine;
        this.jar = jar;
        this.envFile = envFile;
        this.workDir = workDir;
        int[] all = freePorts(2 * size);
        this.ports = Arrays.copyOfRange(all, 0, size);
        this.adminPorts = Arrays.copyOfRange(all, size, 2 * size);
        this.processes = new JgiProcess[size];
    }

    /**
     * Starts {@code size} instances and waits until every {@code /readyz} answers 200.
     *
     * @param commandLine the guide's first instance line, {@code jgi serve --bind 127.0.0.1:8001 ...}
     * @param envFile what replaces the line's {@code --env-file}, if it has one
     */
    static JgiCluster start(String commandLine, Path jar, Path envFile, Path workDir, int size)
            throws IOException, InterruptedException {
        JgiCluster cluster = new JgiCluster(commandLine, jar, envFile, workDir, size);
        try {
            for (int i = 0; i < size; i++) {
                cluster.launch(i);
            }
            for (int i = 0; i < size; i++) {
                cluster.awaitReady(i);
            }
            return cluster;
        } catch (InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    int size() {
        return ports.length;
    }

    int port(int instance) {
        return ports[instance];
    }

    int adminPort(int instance) {
        return adminPorts[instance];
    }

    /** SIGTERM, wait for exit status 0, start again, wait until ready; returns the seconds it took. */
    double restart(int instance) throws InterruptedException {
        long began = System.nanoTime();
        JgiProcess old = processes[instance];
        old.terminate();
        int exit = old.exitCode();
        if (exit != 0) {
            throw new AssertionError("instance " + instance + " exited " + exit + " after SIGTERM: " + old.output());
        }
        old.close();
        launch(instance);
        awaitReady(instance);
        return (System.nanoTime() - began) / 1e9;
    }

    /** Starts again every instance whose process ended (a {@link #kill}), and waits until each is ready. */
    void restartExited() throws InterruptedException {
        for (int i = 0; i < size(); i++) {
            if (!ProcessHandle.of(pid(i)).map(ProcessHandle::isAlive).orElse(false)) {
                processes[i].close();
                launch(i);
                awaitReady(i);
            }
        }
    }

    /** SIGKILL, as the kernel's OOM killer or a crash ends a process; returns once it is gone. */
    void kill(int instance) throws InterruptedException {
        ProcessHandle.of(processes[instance].pid()).ifPresent(ProcessHandle::destroyForcibly);
        processes[instance].exitCode();
    }

    /** The process id of an instance's JVM. */
    long pid(int instance) {
        return processes[instance].pid();
    }

    /** What an instance wrote, for a failure's message. */
    String output(int instance) {
        return processes[instance].output();
    }

    private void launch(int instance) {
        String line = commandLine
                .replaceFirst("--bind 127\\.0\\.0\\.1:\\d+", "--bind 127.0.0.1:" + ports[instance])
                .replaceFirst("--admin-bind \\d+", "--admin-bind " + adminPorts[instance])
                .replaceFirst("--env-file \\S+", java.util.regex.Matcher.quoteReplacement("--env-file " + envFile))
                .replaceFirst("/opt/jgi/app/\\S+\\.jar", java.util.regex.Matcher.quoteReplacement(jar.toString()));
        List<String> words = Arrays.asList(line.strip().split("\\s+"));
        if (!words.getFirst().equals("jgi")) {
            throw new IllegalArgumentException("not a jgi command line: " + line);
        }
        processes[instance] = JgiProcess.start(workDir, Map.of(), new ArrayList<>(words.subList(1, words.size())));
    }

    private void awaitReady(int instance) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready(instance)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "instance " + instance + " not ready within " + READY_WITHIN + ": " + processes[instance].output());
    }

    /** Whether the instance's {@code /readyz} answers 200 now; false when it answers otherwise or not at all. */
    boolean ready(int instance) throws InterruptedException {
        URI readyz = URI.create("http://127.0.0.1:" + adminPorts[instance] + "/readyz");
        try {
            HttpResponse<Void> answer = probes.send(
                    HttpRequest.newBuilder(readyz)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        }
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return ports;
    }

    @Override
    public void close() {
        for (JgiProcess process : processes) {
            if (process != null) {
                process.close();
            }
        }
        probes.close();
    }
}
