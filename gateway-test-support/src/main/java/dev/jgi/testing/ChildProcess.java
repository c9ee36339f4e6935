package dev.jgi.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A running child process of a test, its standard output (unless its command leaves it unread) and
 * error captured as text from the start. Waiting for a line of output blocks until the line arrives (no polling). Closing ends the
 * process the way a process manager does: SIGTERM, then SIGKILL when it has not exited after 15 s,
 * so that a JVM child runs its shutdown hooks (and writes its coverage data).
 */
public final class ChildProcess implements AutoCloseable {

    /** How a command ended. */
    public record Result(String command, int exit, String stdout, String stderr) {

        /** Standard output followed by standard error. */
        public String output() {
            return stdout + stderr;
        }

        /** The whole output, or an {@link AssertionError} with it when the command exited non-zero. */
        public String successfulOutput() {
            if (exit != 0) {
                throw new AssertionError(command + " exited with " + exit + ": " + output());
            }
            return output();
        }
    }

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final String command;
    private final Process process;
    private final Object changes = new Object();
    private final OutputCapture stdout;
    private final OutputCapture stderr;

    private ChildProcess(List<String> line, Process process, boolean stdoutUnread) {
        this.command = String.join(" ", line);
        this.process = process;
        // An unread pipe is left to the Process, which holds it open: the child's writes fill it and block.
        this.stdout = new OutputCapture(
                stdoutUnread ? InputStream.nullInputStream() : process.getInputStream(),
                changes,
                "stdout of " + line.getFirst());
        this.stderr = new OutputCapture(process.getErrorStream(), changes, "stderr of " + line.getFirst());
    }

    static ChildProcess started(List<String> line, Process process, String input, boolean stdoutUnread) {
        ChildProcess child = new ChildProcess(line, process, stdoutUnread);
        Thread.ofPlatform().daemon().name("stdin of " + line.getFirst()).start(() -> child.feed(input));
        return child;
    }

    private void feed(String input) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException exitedBeforeReading) {
            // a process that exits without reading its input is not this class's concern
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String stdout() {
        return stdout.text();
    }

    public String stderr() {
        return stderr.text();
    }

    /** Standard output followed by standard error, as far as they came. */
    public String output() {
        return stdout() + stderr();
    }

    /**
     * Waits until standard output or error holds a match of {@code pattern} and returns it; fails
     * when the process ends first or {@code timeout} passes, with what it wrote.
     */
    public MatchResult awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (true) {
                Optional<MatchResult> found = stderr.find(pattern).or(() -> stdout.find(pattern));
                if (found.isPresent()) {
                    return found.get();
                }
                if (stdout.ended() && stderr.ended()) {
                    throw new AssertionError(command + " ended (" + exitDescription() + ") without writing /" + pattern
                            + "/: " + output());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            command + " did not write /" + pattern + "/ within " + timeout + ": " + output());
                }
                TimeUnit.NANOSECONDS.timedWait(changes, left);
            }
        }
    }

    /** Waits for the process to exit and returns its exit code; fails after {@code timeout}. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError(command + " did not exit within " + timeout + ": " + output());
        }
        stdout.awaitEnd();
        stderr.awaitEnd();
        return process.exitValue();
    }

    /** Waits for the process to exit and returns how it ended; fails after {@code timeout}. */
    public Result awaitResult(Duration timeout) {
        try {
            int exit = awaitExit(timeout);
            return new Result(command, exit, stdout(), stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        }
    }

    /** Sends SIGTERM, as a process manager does, and returns at once; what the process writes next is still captured. */
    public void terminate() {
        // Through the handle: Process.destroy() would also close the pipes and lose the last words.
        process.toHandle().destroy();
    }

    /**
     * Ends the process if it still runs (SIGTERM, then SIGKILL after 15 s) and waits for it, then
     * every process it had started that still runs.
     */
    @Override
    public void close() {
        // Taken first: once the process ends, its children belong to init and are no longer its
        // descendants. A wrapper (unshare, sh, a launcher script) may end without ending them.
        List<ProcessHandle> started = process.descendants().toList();
        try {
            if (process.isAlive()) {
                terminate();
                if (!process.waitFor(STOP_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            endAll(started);
            stdout.awaitEnd();
            stderr.awaitEnd();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Ends {@code processes} still running: SIGTERM, then SIGKILL to those left after 15 s. */
    private static void endAll(List<ProcessHandle> processes) throws InterruptedException {
        List<ProcessHandle> running =
                processes.stream().filter(ProcessHandle::isAlive).toList();
        running.forEach(ProcessHandle::destroy);
        try {
            CompletableFuture.allOf(running.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(STOP_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            running.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** How the process ended, once its output did: it exits a moment after closing its pipes. */
    private String exitDescription() throws InterruptedException {
        return process.waitFor(5, TimeUnit.SECONDS)
                ? "exit code " + process.exitValue()
                : "its output closed, the process still runs";
    }
}
