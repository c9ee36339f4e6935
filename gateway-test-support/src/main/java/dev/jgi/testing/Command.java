package dev.jgi.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A command a test runs as a child process, as a value: the command line, its working directory,
 * the variables added to and removed from the test's own environment, and its standard input.
 *
 * @param line        the program and its arguments
 * @param directory   the working directory
 * @param environment variables set for the child, over the inherited ones
 * @param removed     inherited variables the child does not get
 * @param input       the whole standard input, closed after it
 * @param stdoutUnread whether standard output is a pipe nobody reads, which fills and then blocks
 *                    the process's writes, as a stalled log reader would
 */
public record Command(
        List<String> line,
        Path directory,
        Map<String, String> environment,
        Set<String> removed,
        String input,
        boolean stdoutUnread) {

    public Command {
        line = List.copyOf(line);
        if (line.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
        Objects.requireNonNull(directory, "directory");
        environment = Map.copyOf(environment);
        removed = Set.copyOf(removed);
        Objects.requireNonNull(input, "input");
    }

    /** {@code program args...} in the test's working directory, with its environment and no input. */
    public static Command of(String... line) {
        return of(List.of(line));
    }

    public static Command of(List<String> line) {
        return new Command(line, Path.of("").toAbsolutePath(), Map.of(), Set.of(), "", false);
    }

    /** The {@code java} of the JDK that runs the test, with {@code args}. */
    public static Command java(String... args) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(List.of(args));
        return of(line);
    }

    public Command in(Path workingDirectory) {
        return new Command(line, workingDirectory, environment, removed, input, stdoutUnread);
    }

    /** This command with {@code variables} set as well (a later value for a name wins). */
    public Command with(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(environment);
        all.putAll(variables);
        return new Command(line, directory, all, removed, input, stdoutUnread);
    }

    /** This command without the inherited variables {@code names}. */
    public Command without(Collection<String> names) {
        Set<String> all = new HashSet<>(removed);
        all.addAll(names);
        return new Command(line, directory, environment, all, input, stdoutUnread);
    }

    public Command input(String standardInput) {
        return new Command(line, directory, environment, removed, standardInput, stdoutUnread);
    }

    /** This command with its standard output a pipe the test never reads; its stdout text stays empty. */
    public Command withStdoutUnread() {
        return new Command(line, directory, environment, removed, input, true);
    }

    /** Starts the process; its output is captured from the start. */
    public ChildProcess start() {
        ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile());
        builder.environment().keySet().removeAll(removed);
        builder.environment().putAll(environment);
        try {
            return ChildProcess.started(line, builder.start(), input, stdoutUnread);
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run " + line.getFirst() + " (bin/setup-system installs the tools the tests use): "
                            + e.getMessage(),
                    e);
        }
    }

    /** Runs the command to its end, for 60 s at most. */
    public ChildProcess.Result run() {
        return run(Duration.ofSeconds(60));
    }

    /** Runs the command to its end; a process still running after {@code timeout} is killed and fails the test. */
    public ChildProcess.Result run(Duration timeout) {
        try (ChildProcess process = start()) {
            return process.awaitResult(timeout);
        }
    }
}
