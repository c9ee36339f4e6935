package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A release archive the build made, unpacked with {@code tar} into a folder as a user unpacks it,
 * and the {@code bin/jgi} in it.
 *
 * @param home the unpacked {@code jgi-VERSION} folder
 */
record UnpackedRelease(Path home) {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://[0-9.]+:\\d+)");
    /** Long: a loaded machine, and coverage instrumentation of every class at the first start. */
    private static final Duration START = Duration.ofSeconds(90);

    /** The folder the build wrote the archives to. */
    static Path releases() {
        return Path.of(System.getProperty("jgi.release.dir"));
    }

    /** The release's name, {@code jgi-VERSION}. */
    static String name() {
        return System.getProperty("jgi.release.name");
    }

    /** The sample app jar {@code NAME.jar} the build copied next to the archives. */
    static Path app(String name) {
        return releases().resolve("apps").resolve(name + ".jar");
    }

    private static final Map<String, UnpackedRelease> SHARED = new HashMap<>();

    /**
     * {@code archive} unpacked once for all the tests of this JVM, into {@code target/unpacked/}:
     * the tests only read it, and unpacking the runtime flavour takes a while on a loaded machine.
     */
    static synchronized UnpackedRelease shared(String archive) {
        UnpackedRelease release = SHARED.get(archive);
        if (release == null) {
            Path into = releases().resolve("unpacked").resolve(archive);
            // A folder left by an earlier run may hold an older build.
            Command.of("rm", "-rf", into.toString()).run().successfulOutput();
            try {
                Files.createDirectories(into);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            release = unpack(archive, into);
            SHARED.put(archive, release);
        }
        return release;
    }

    /** Unpacks {@code archive} (under the build's folder) into {@code into} with the system's tar. */
    static UnpackedRelease unpack(String archive, Path into) {
        Path tarball = releases().resolve(archive);
        assertThat(tarball).as("the build makes %s in package", archive).isRegularFile();
        Command.of("tar", "-xzf", tarball.toString(), "-C", into.toString())
                .run(Duration.ofMinutes(2))
                .successfulOutput();
        UnpackedRelease release = new UnpackedRelease(into.resolve(name()));
        assertThat(release.home().resolve("bin/jgi")).isExecutable();
        return release;
    }

    /**
     * Starts {@code bin/jgi serve --bind 127.0.0.1:0 JAR} in {@code workDir}, with {@code command}'s
     * environment changes, and waits until it listens. The test's own {@code JGI_*} and {@code PORT}
     * are not passed on; {@code JGI_JAVA_OPTS} is, for the coverage agent.
     */
    Server serve(Path jar, Path workDir, Map<String, String> environment, List<String> removed) {
        List<String> line = new ArrayList<>(List.of(
                home.resolve("bin/jgi").toString(), "serve", "--bind", "127.0.0.1:0", "--graceful-timeout", "3s"));
        line.add(jar.toString());
        List<String> configuring = new ArrayList<>(removed);
        System.getenv().keySet().stream()
                .filter(name -> (name.startsWith("JGI_") && !name.equals("JGI_JAVA_OPTS")) || name.equals("PORT"))
                .forEach(configuring::add);
        ChildProcess process = Command.of(line)
                .in(workDir)
                .without(configuring)
                .with(environment)
                .start();
        try {
            return new Server(
                    process, URI.create(process.awaitOutput(LISTENING, START).group(1)));
        } catch (AssertionError | InterruptedException e) {
            process.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("bin/jgi serve " + jar + " did not start:\n" + process.output(), e);
        }
    }

    /** The JVM's executable, as the kernel sees it: which Java really runs the server. */
    static Path executableOf(ChildProcess process) throws java.io.IOException {
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "exe"));
    }

    /** A running server of the release; closing it sends SIGTERM. */
    record Server(ChildProcess process, URI base) implements AutoCloseable {

        URI uri(String path) {
            return base.resolve(path);
        }

        @Override
        public void close() {
            process.close();
        }
    }
}
