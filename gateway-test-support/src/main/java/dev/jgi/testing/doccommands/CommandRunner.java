package dev.jgi.testing.doccommands;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell blocks in a scratch copy of the checkout, each block as one bash script
 * ({@link BlockScript}) inside a network namespace of its own with only loopback up: a documented
 * {@code http://127.0.0.1:8000/} is then this block's port 8000, whatever else runs on the machine,
 * and no command reaches the network (what Maven needs must already be in the local repository,
 * as it is after the build that runs this). Root uses {@code unshare --net}; anyone else a user
 * namespace ({@code unshare --map-root-user --net}).
 */
public final class CommandRunner {

    /** How one block ended. */
    public record Outcome(ShellBlock block, int exitCode, String output, Path script) {
        public boolean passed() {
            return exitCode == 0;
        }
    }

    /**
     * Maven's compiler then trusts file times alone: a class newer than its source is up to date
     * wherever the build that made it ran (its default also compares the absolute paths of the
     * sources, which differ in the copy).
     */
    static final String TRUST_FILE_TIMES = "-Dmaven.compiler.useIncrementalCompilation=false";

    private final Path checkout;
    private final Path work;
    private final Duration blockTimeout;
    private final boolean withBuildOutputs;

    private CommandRunner(Path checkout, Path work, Duration blockTimeout, boolean withBuildOutputs) {
        this.checkout = checkout;
        this.work = work;
        this.blockTimeout = blockTimeout;
        this.withBuildOutputs = withBuildOutputs;
    }

    /**
     * A runner over a fresh scratch copy of {@code checkout} made in {@code work/checkout}; scripts
     * and logs go to {@code work}, and stay there for a look after a failure.
     */
    public static CommandRunner inScratchCopy(Path checkout, Path work, Duration blockTimeout)
            throws IOException, InterruptedException {
        Path copy = work.resolve("checkout");
        if (Files.exists(copy)) {
            throw new IllegalArgumentException("not a fresh folder: " + copy);
        }
        ScratchCheckout.copy(checkout, copy);
        return new CommandRunner(copy, work, blockTimeout, false);
    }

    /**
     * Like {@link #inScratchCopy}, and the copy also holds what the checkout's own build made (each
     * reactor module's {@code target/}): a block's {@code mvn} then finds the modules built and
     * compiles nothing again, as on a reader's machine after a first build. For every block but the
     * first one a newcomer runs, which belongs in a fresh copy.
     */
    public static CommandRunner inScratchCopyWithBuildOutputs(Path checkout, Path work, Duration blockTimeout)
            throws IOException, InterruptedException {
        CommandRunner runner = inScratchCopy(checkout, work, blockTimeout);
        ScratchCheckout.copyBuildOutputs(checkout, runner.checkout, work);
        return new CommandRunner(runner.checkout, work, blockTimeout, true);
    }

    /** The scratch copy the commands run in. */
    public Path checkout() {
        return checkout;
    }

    /** Whether this machine lets the runner make a network namespace (else {@link #run} fails). */
    public static boolean isolationAvailable() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder(isolation(List.of("true"))).start();
            probe.getOutputStream().close();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs the block and returns how it ended; a block that runs past the timeout is killed. */
    public Outcome run(ShellBlock block, Map<String, String> environment) throws IOException, InterruptedException {
        String name = block.document().getFileName() + "-" + block.line();
        Path logs = Files.createDirectories(work.resolve("logs"));
        Path script = work.resolve(name + ".sh");
        int serveWait = (int) Math.max(60, blockTimeout.toSeconds() - 60);
        Files.writeString(script, BlockScript.of(block, logs.toString(), serveWait), StandardCharsets.UTF_8);
        Path output = work.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(isolation(List.of("bash", script.toString())))
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        if (withBuildOutputs) {
            builder.environment().merge("MAVEN_OPTS", TRUST_FILE_TIMES, (opts, trust) -> opts + " " + trust);
        }
        Process process = builder.start();
        if (!process.waitFor(blockTimeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Outcome(block, -1, Files.readString(output) + "\n(killed after " + blockTimeout + ")", script);
        }
        return new Outcome(block, process.exitValue(), Files.readString(output), script);
    }

    private static List<String> isolation(List<String> command) {
        List<String> full = new ArrayList<>(List.of("unshare"));
        if (!"root".equals(System.getProperty("user.name"))) {
            full.add("--map-root-user");
        }
        full.addAll(List.of("--net", "--", "bash", "-c", "ip link set lo up && exec \"$@\"", "doc-commands"));
        full.addAll(command);
        return full;
    }
}
