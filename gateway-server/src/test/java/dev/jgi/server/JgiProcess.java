package dev.jgi.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code bin/jgi} process, its output captured in files. */
final class JgiProcess implements AutoCloseable {

    static final Path JGI = Path.of("..", "bin", "jgi").toAbsolutePath().normalize();
    static final String TEST_CLASSES =
            Path.of("target", "test-classes").toAbsolutePath().toString();
    private static final Pattern LISTENING = Pattern.compile("listening on https?://[^:]+:(\\d+)");

    final Process process;
    final Path out;
    final Path err;

    private JgiProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static JgiProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JGI.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("jgi-out", ".txt");
        Path err = Files.createTempFile("jgi-err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("JGI_") || k.equals("PORT"));
        builder.environment().putAll(env);
        return new JgiProcess(builder.start(), out, err);
    }

    /** Runs {@code jgi args...} to its end and returns the exit code. */
    static JgiProcess run(Map<String, String> env, String... args) throws Exception {
        JgiProcess jgi = start(env, args);
        if (!jgi.process.waitFor(60, TimeUnit.SECONDS)) {
            jgi.process.destroyForcibly();
            throw new IllegalStateException("jgi did not end: " + jgi.stderr());
        }
        return jgi;
    }

    /** Waits for the banner and returns the first port it names. */
    int awaitPort(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Matcher matcher = LISTENING.matcher(stderr());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("jgi exited with " + process.exitValue() + ": " + stderr());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("jgi did not start listening: " + stderr());
    }

    String stdout() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    int exitCode() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("jgi did not exit");
        }
        return process.exitValue();
    }

    /** Sends SIGTERM, as a process manager does. */
    void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }
}
