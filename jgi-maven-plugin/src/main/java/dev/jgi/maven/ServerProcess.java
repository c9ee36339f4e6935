package dev.jgi.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code jgi} command to its end with Maven's standard streams. When Maven itself is told
 * to stop (SIGTERM, or Ctrl-C), its shutdown hook sends the server one SIGTERM and waits for the
 * graceful shutdown that follows, so that no server outlives the build that started it.
 */
final class ServerProcess {

    /** Longer than any graceful-timeout plus drain-delay a developer runs with; then the process is killed. */
    private static final long STOP_SECONDS = 120;

    private ServerProcess() {}

    /** Runs the command in {@code directory} until it exits, and returns its exit code. */
    static int run(List<String> command, File directory) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(command).directory(directory).inheritIO().start();
        Thread stopper = new Thread(() -> stop(process), "jgi-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return process.waitFor();
        } finally {
            stop(process);
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it is the one stopping the process.
            }
        }
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
