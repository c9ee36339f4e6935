package dev.jgi.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A real {@code bin/jgi} process, as an operator runs it. The test's own variables that would
 * configure it ({@code JGI_*}, {@code PORT}) are not passed on, so that a developer's shell cannot
 * change a test; {@code JGI_JAVA_OPTS} is, because the build puts the coverage agent for child
 * JVMs there, and a test's own {@code JGI_JAVA_OPTS} is added after it. Closing sends SIGTERM,
 * which the server answers with a graceful shutdown.
 */
public final class JgiProcess implements AutoCloseable {

    /** The variable {@code bin/jgi} passes to the JVM. */
    public static final String JAVA_OPTS = "JGI_JAVA_OPTS";

    private static final Pattern LISTENING = Pattern.compile("listening on (https?://[0-9.]+:\\d+)");
    /** Long, because the first start on a loaded machine also loads and instruments every class. */
    private static final Duration START = Duration.ofSeconds(60);

    private static final Duration RUN = Duration.ofSeconds(60);

    private final ChildProcess process;

    private JgiProcess(ChildProcess process) {
        this.process = process;
    }

    /**
     * The checkout's root: the system property {@code jgi.root} when set, else the nearest folder
     * above the working directory that holds {@code bin/jgi}.
     */
    public static Path root() {
        String configured = System.getProperty("jgi.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/jgi"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no bin/jgi above " + Path.of("").toAbsolutePath());
    }

    /** Starts {@code bin/jgi ARGUMENTS} in the working directory; returns at once. */
    public static JgiProcess start(Map<String, String> environment, String... arguments) {
        return start(Path.of("").toAbsolutePath(), environment, List.of(arguments));
    }

    /** Starts {@code bin/jgi ARGUMENTS} in {@code workDir}, with {@code environment} added; returns at once. */
    public static JgiProcess start(Path workDir, Map<String, String> environment, List<String> arguments) {
        return new JgiProcess(command(workDir, environment, arguments).start());
    }

    /**
     * Starts {@code bin/jgi ARGUMENTS} in {@code workDir} with its standard output a pipe nobody
     * reads: once the pipe's buffer is full, every write to standard output blocks, as under a
     * stalled log collector. Returns at once; {@link #stdout} stays empty.
     */
    public static JgiProcess startWithStdoutUnread(
            Path workDir, Map<String, String> environment, List<String> arguments) {
        return new JgiProcess(
                command(workDir, environment, arguments).withStdoutUnread().start());
    }

    private static Command command(Path workDir, Map<String, String> environment, List<String> arguments) {
        List<String> line = new ArrayList<>();
        line.add(root().resolve("bin/jgi").toString());
        line.addAll(arguments);
        Map<String, String> variables = new HashMap<>(environment);
        String inherited = System.getenv().getOrDefault(JAVA_OPTS, "");
        String own = environment.getOrDefault(JAVA_OPTS, "");
        variables.put(JAVA_OPTS, (inherited + " " + own).strip());
        List<String> configuring = System.getenv().keySet().stream()
                .filter(name -> name.startsWith("JGI_") || name.equals("PORT"))
                .toList();
        return Command.of(line).in(workDir).without(configuring).with(variables);
    }

    /** Runs {@code bin/jgi ARGUMENTS} to its end (60 s at most). */
    public static JgiProcess run(Map<String, String> environment, String... arguments) throws InterruptedException {
        JgiProcess jgi = start(environment, arguments);
        jgi.process.awaitExit(RUN);
        return jgi;
    }

    /**
     * Starts {@code bin/jgi serve --bind 127.0.0.1:0 --graceful-timeout 3s OPTIONS JAR} in
     * {@code workDir} (where an app finds {@code .env} and its files) and waits until it listens.
     */
    public static JgiProcess serve(Path jar, Path workDir, Map<String, String> environment, String... options)
            throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("serve", "--bind", "127.0.0.1:0", "--graceful-timeout", "3s"));
        arguments.addAll(List.of(options));
        arguments.add(jar.toAbsolutePath().toString());
        JgiProcess jgi = start(workDir, environment, arguments);
        try {
            jgi.awaitListening();
            return jgi;
        } catch (AssertionError | InterruptedException e) {
            jgi.close();
            throw e;
        }
    }

    /**
     * Starts {@code bin/jgi serve --bind 127.0.0.1:0 --static PREFIX=DIR} without an app, as
     * {@code bin/docs} serves the documentation site, and waits until it listens.
     */
    public static JgiProcess serveFiles(String prefix, Path dir) throws InterruptedException {
        Path files = dir.toAbsolutePath();
        JgiProcess jgi = start(
                files.getParent(),
                Map.of(),
                List.of(
                        "serve",
                        "--bind",
                        "127.0.0.1:0",
                        "--graceful-timeout",
                        "3s",
                        "--access-log",
                        "off",
                        "--static",
                        prefix + "=" + files));
        try {
            jgi.awaitListening();
            return jgi;
        } catch (AssertionError | InterruptedException e) {
            jgi.close();
            throw e;
        }
    }

    /** Waits for the server's banner and returns the address it listens on, {@code http://127.0.0.1:PORT}. */
    public URI awaitListening() throws InterruptedException {
        MatchResult banner = process.awaitOutput(LISTENING, START);
        return URI.create(banner.group(1));
    }

    /** Waits for the server's banner and returns the first port it names. */
    public int awaitPort() throws InterruptedException {
        return awaitListening().getPort();
    }

    /** The listening server's {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public URI uri(String path) {
        try {
            return awaitListening().resolve(path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for bin/jgi to listen", e);
        }
    }

    /** The process id of the JVM (bin/jgi execs it, so it is the one systemd would see). */
    public long pid() {
        return process.pid();
    }

    public String stdout() {
        return process.stdout();
    }

    public String stderr() {
        return process.stderr();
    }

    /** Standard output followed by standard error, as far as they came. */
    public String output() {
        return process.output();
    }

    /** Waits (30 s at most) for the process to exit and returns its exit code. */
    public int exitCode() throws InterruptedException {
        return process.awaitExit(Duration.ofSeconds(30));
    }

    /** Sends SIGTERM, as a process manager does, and returns at once. */
    public void terminate() {
        process.terminate();
    }

    @Override
    public void close() {
        process.close();
    }
}
