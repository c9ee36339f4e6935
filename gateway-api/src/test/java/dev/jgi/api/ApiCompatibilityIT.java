package dev.jgi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API compatibility check of the parent POM, run by the build's own Maven on a fixture project
 * that inherits it: a change that breaks an application compiled against the baseline fails the
 * build, an additive change passes. The fixture is a small API of its own, so that the test does not
 * depend on what {@code gateway-api} holds today.
 */
class ApiCompatibilityIT {

    private static final String GREETER = """
            package dev.jgi.fixture;
            public interface Greeter {
                String greet(String name);
            }
            """;
    private static final String GREETINGS = """
            package dev.jgi.fixture;
            public final class Greetings {
                private Greetings() {}
                public static String hello() { return "hello"; }
                public static String shout(String text) { return text.toUpperCase(java.util.Locale.ROOT); }
            }
            """;

    @TempDir
    static Path work;

    private static Path baseline;

    @BeforeAll
    static void compileTheBaseline() throws Exception {
        Path sources = work.resolve("baseline-src/dev/jgi/fixture");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Greeter.java"), GREETER);
        Files.writeString(sources.resolve("Greetings.java"), GREETINGS);
        Path classes = Files.createDirectories(work.resolve("baseline-classes"));
        Process javac = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                        "--release",
                        "21",
                        "-d",
                        classes.toString(),
                        sources.resolve("Greeter.java").toString(),
                        sources.resolve("Greetings.java").toString())
                .inheritIO()
                .start();
        int status = javac.waitFor();
        assertThat(status).as("javac on the baseline fixture").isZero();
        baseline = work.resolve("baseline.jar");
        jar(classes, baseline);
    }

    /** Both breaking changes in one fixture: each Maven run costs tens of seconds on a loaded machine. */
    @Test
    void aRemovedMethodAndAMethodAddedToAnInterfaceWithoutADefaultFailTheBuild() throws Exception {
        String withAbstract = GREETER.replace("}", "    String farewell(String name);\n}");
        String withoutShout = GREETINGS.replaceAll("(?m)^.*shout.*\\n", "");
        Result result = build("breaking", Map.of("Greeter.java", withAbstract, "Greetings.java", withoutShout));
        assertThat(result.status()).as(result.output()).isNotZero();
        assertThat(result.output())
                .contains("shout")
                .contains("METHOD_REMOVED")
                .contains("farewell")
                .contains("METHOD_ADDED_TO_INTERFACE");
    }

    @Test
    void anAdditiveChangePasses() throws Exception {
        String withDefault =
                GREETER.replace("}", "    default String farewell(String name) { return \"bye \" + name; }\n}");
        String withMore = GREETINGS.replace(
                "    private Greetings() {}",
                "    private Greetings() {}\n    public static String bye() { return \"bye\"; }");
        String added = "package dev.jgi.fixture;\npublic record Greeting(String text) {}\n";
        Result result = build(
                "additive", Map.of("Greeter.java", withDefault, "Greetings.java", withMore, "Greeting.java", added));
        assertThat(result.status()).as(result.output()).isZero();
        assertThat(result.output()).contains("japicmp-maven-plugin");
    }

    private record Result(int status, String output) {}

    /** Runs {@code mvn verify} on a fixture project whose parent is this build's parent POM. */
    private static Result build(String name, Map<String, String> sources) throws Exception {
        Path project = work.resolve(name);
        Path dir = Files.createDirectories(project.resolve("src/main/java/dev/jgi/fixture"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Files.writeString(dir.resolve(source.getKey()), source.getValue());
        }
        // Maven 3.8 follows a relative relativePath only.
        Path root = Path.of(System.getProperty("jgi.root")).toAbsolutePath();
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>dev.jgi</groupId><artifactId>jgi-parent</artifactId><version>%s</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>api-compatibility-fixture</artifactId>
                  <build><plugins><plugin>
                    <groupId>com.github.siom79.japicmp</groupId><artifactId>japicmp-maven-plugin</artifactId>
                  </plugin></plugins></build>
                </project>
                """.formatted(
                        System.getProperty("jgi.version"), project.relativize(root.resolve("pom.xml"))));
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("jgi.maven"),
                "-B",
                "-ntp",
                "-o",
                "-Dmaven.repo.local=" + System.getProperty("jgi.maven.repository"),
                "-Djgi.api.baseline=" + baseline,
                "-Dspotless.check.skip=true",
                "-Djacoco.skip=true",
                "-Denforcer.skip=true",
                "-DskipTests",
                "verify"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("build.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        // Generous: a Maven start on a machine that runs several builds at once.
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn verify on the " + name + " fixture did not end within 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(project.resolve("build.log"), StandardCharsets.UTF_8));
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> tree = Files.walk(classes)) {
            for (Path path : tree.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
    }
}
