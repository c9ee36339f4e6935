package dev.jgi.samples.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code bin/jgi serve APP.jar} process on an ephemeral loopback port, as a user would run
 * it; its output goes to a log file next to the jar. Closing sends SIGTERM, which the server
 * answers with a graceful shutdown.
 */
public final class JgiProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[0-9.]+:\\d+)");

    private final Process process;
    private final URI base;
    private final Path log;

    private JgiProcess(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** The checkout's root: the nearest folder above the working directory that holds {@code bin/jgi}. */
    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("bin/jgi"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no bin/jgi above " + Path.of("").toAbsolutePath());
    }

    /**
     * Starts {@code bin/jgi serve --bind 127.0.0.1:0 JAR OPTIONS} and waits until it listens.
     *
     * @param workDir     the working directory (where an app finds {@code .env} and its files)
     * @param environment variables added to this process's environment
     */
    public static JgiProcess serve(Path jar, Path workDir, Map<String, String> environment, String... options)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add(jar.toAbsolutePath().toString());
        return start(
                arguments, workDir, environment, jar.toAbsolutePath().resolveSibling(jar.getFileName() + ".serve.log"));
    }

    /**
     * Starts {@code bin/jgi serve --bind 127.0.0.1:0 --static PREFIX=DIR} without an app, as
     * {@code bin/docs} serves the documentation site, and waits until it listens.
     */
    public static JgiProcess serveFiles(String prefix, Path dir) throws IOException, InterruptedException {
        Path site = dir.toAbsolutePath();
        return start(
                List.of("--access-log", "off", "--static", prefix + "=" + site),
                site.getParent(),
                Map.of(),
                site.resolveSibling(site.getFileName() + ".serve.log"));
    }

    private static JgiProcess start(List<String> arguments, Path workDir, Map<String, String> environment, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                root().resolve("bin/jgi").toString(), "serve", "--bind", "127.0.0.1:0", "--graceful-timeout", "3s"));
        command.addAll(arguments);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("jgi-output").start(() -> copyOutput(process, log, listening));
        try {
            return new JgiProcess(process, listening.get(60, TimeUnit.SECONDS), log);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/jgi did not start listening; its output: " + Files.readString(log), e);
        }
    }

    private static void copyOutput(Process process, Path log, CompletableFuture<URI> listening) {
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var file = Files.newBufferedWriter(log)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.write(line);
                file.newLine();
                file.flush();
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("bin/jgi exited"));
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** What the server wrote so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Runs a command (such as an app's admin tool) to its end and returns its output; fails on a non-zero exit. */
    public static String run(Path workDir, Map<String, String> environment, String stdin, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String text = output.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited " + process.exitValue() + ": " + text);
        }
        return text;
    }

    /** The {@code java} of the JDK running this test, for commands that need one. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
