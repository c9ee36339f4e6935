package dev.jgi.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Maven that runs this build, on a scratch local repository, as a newcomer's Maven would see
 * JGI once published: the build's JGI artifacts are staged into the scratch repository as {@code
 * mvn install} lays them out, and every remote repository is mirrored to the build's own local
 * repository, read as a {@code file:} repository, which supplies the plugins and third-party
 * libraries. No network, and nothing is installed where other builds look. Reads the system
 * properties {@code jgi.version}, {@code jgi.maven} (the {@code mvn} command) and {@code
 * jgi.maven.repository} (the build's local repository), which the module's failsafe configuration sets.
 */
public final class ScratchMaven {

    private static final Duration BUILD = Duration.ofMinutes(10);

    private final Path repository;
    private final Path settings;
    private final String version;

    private ScratchMaven(Path repository, Path settings, String version) {
        this.repository = repository;
        this.settings = settings;
        this.version = version;
    }

    /** A scratch repository and settings file under {@code work}, with the parent POM and the BOM staged. */
    public static ScratchMaven in(Path work) throws IOException {
        Path settings = Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror><id>the-build</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(
                        Path.of(property("jgi.maven.repository")).toUri()));
        ScratchMaven maven = new ScratchMaven(work.resolve("repository"), settings, property("jgi.version"));
        Path root = JgiProcess.root();
        maven.stage("jgi-parent", root.resolve("pom.xml"), null);
        maven.stage("jgi-bom", root.resolve("jgi-bom/pom.xml"), null);
        return maven;
    }

    /**
     * Stages the checkout's module {@code module} (a folder named as its artifact): its POM and the
     * jar its build made, {@code target/MODULE-VERSION.jar} or, for modules with a fixed final name,
     * {@code target/MODULE.jar}.
     */
    public void stageModule(String module) throws IOException {
        Path dir = JgiProcess.root().resolve(module);
        Path target = dir.resolve("target");
        Path jar = Stream.of(target.resolve(module + "-" + version + ".jar"), target.resolve(module + ".jar"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the build made no jar of " + module + " in " + target));
        stage(module, dir.resolve("pom.xml"), jar);
    }

    /** Lays {@code pom} (and {@code jar}, unless null) out in the scratch repository as {@code mvn install} would. */
    public void stage(String artifactId, Path pom, Path jar) throws IOException {
        Path dir = repository.resolve("dev/jgi").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    /**
     * Generates {@code DIR/my-app} (package {@code com.example.myapp}) from the staged {@code
     * jgi-archetype-app}, as docs/getting-started.md does, and returns its folder.
     */
    public Path generateApp(Path dir) {
        run(
                        dir,
                        "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                        "-DarchetypeGroupId=dev.jgi",
                        "-DarchetypeArtifactId=jgi-archetype-app",
                        "-DarchetypeVersion=" + version,
                        "-DgroupId=com.example",
                        "-DartifactId=my-app",
                        "-Dversion=0.1.0-SNAPSHOT",
                        "-Dpackage=com.example.myapp",
                        "-DinteractiveMode=false")
                .successfulOutput();
        return dir.resolve("my-app");
    }

    /** Runs {@code mvn ARGUMENTS} in {@code dir} to its end (10 minutes at most). */
    public ChildProcess.Result run(Path dir, String... arguments) {
        return command(dir, arguments).run(BUILD);
    }

    /** Starts {@code mvn ARGUMENTS} in {@code dir} and returns at once, for goals that run until stopped. */
    public ChildProcess start(Path dir, String... arguments) {
        return command(dir, arguments).start();
    }

    /**
     * Maven's own options and the variables that configure a JGI server ({@code JGI_*} but
     * {@code JGI_JAVA_OPTS}, which carries the coverage agent; {@code PORT}) are left out, so a
     * developer's shell cannot change a test. Maven runs with the JIT's first tier only: its runs
     * here are short, and on the loaded CI machine that saves about a third of each.
     */
    private Command command(Path dir, String... arguments) {
        List<String> line = new ArrayList<>(List.of(
                property("jgi.maven"), "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        line.addAll(List.of(arguments));
        List<String> left = new ArrayList<>(List.of("MAVEN_OPTS", "MAVEN_ARGS", "PORT"));
        System.getenv().keySet().stream()
                .filter(name -> name.startsWith("JGI_") && !name.equals(JgiProcess.JAVA_OPTS))
                .forEach(left::add);
        return Command.of(line)
                .in(dir)
                .without(left)
                .with(Map.of("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(
                    "the system property " + name + " is not set (the module's failsafe configuration sets it)");
        }
        return value;
    }
}
