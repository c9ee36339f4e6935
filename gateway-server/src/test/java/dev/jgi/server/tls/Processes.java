package dev.jgi.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real command-line clients (curl, nghttp, h2load) that bin/setup-system installs. */
public final class Processes {

    /** How a command ended, its standard output and error together. */
    public record Result(int exit, String output) {}

    private Processes() {}

    public static Result run(String... command) throws IOException, InterruptedException {
        if (List.of("/usr/bin", "/usr/sbin", "/bin").stream()
                .noneMatch(dir -> Files.isExecutable(Path.of(dir, command[0])))) {
            throw new AssertionError(command[0] + " is not installed; run bin/setup-system");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
