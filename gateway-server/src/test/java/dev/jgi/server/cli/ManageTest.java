package dev.jgi.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgi manage}: the jar's JGI-Manage class runs in an app class loader, with the env file applied. */
class ManageTest {

    private static final String PROPERTY = "JGI_MANAGE_TEST_SETTING";

    /** The management class put into the test jars; it sees only the JDK, as an app does. */
    public static final class Commands {
        private Commands() {}

        public static void main(String[] args) throws Exception {
            if (args[0].equals("fail")) {
                throw new IllegalStateException("the database is unreachable");
            }
            Files.writeString(
                    Path.of(args[1]),
                    args[0] + " with " + System.getProperty(PROPERTY) + " in "
                            + Commands.class.getClassLoader().getName());
        }
    }

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void runsTheDeclaredCommandInAnAppClassLoaderWithTheEnvFile() throws Exception {
        Path jar = jar(Commands.class.getName());
        Path env = Files.writeString(dir.resolve(".env"), PROPERTY + "=from-the-env-file\n");
        Path out = dir.resolve("out.txt");
        int status = manage("--env-file", env.toString(), jar.toString(), "migrate", out.toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(out)).isEqualTo("migrate with from-the-env-file in jgi-app");
    }

    @Test
    void aCommandThatThrowsIsOneLineAndStatusOne() throws Exception {
        int status = manage(jar(Commands.class.getName()).toString(), "fail");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("jgi: error: fail failed: the database is unreachable\n");
    }

    @Test
    void aJarWithoutJgiManageOrAClassWithoutMainIsAUsageError() throws Exception {
        assertThat(manage(jar(null).toString(), "migrate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("declares no management commands (manifest attribute JGI-Manage");
        err.reset();
        assertThat(manage(jar("com.example.Missing").toString(), "migrate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("names com.example.Missing, which is not a class with a public static main(String[])");
    }

    @Test
    void withoutACommandItPrintsTheUsage() throws Exception {
        assertThat(manage(jar(Commands.class.getName()).toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("usage: jgi manage [--env-file FILE] APP.jar COMMAND");
    }

    private int manage(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "manage";
        System.arraycopy(args, 0, line, 1, args.length);
        return Main.run(
                line,
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A jar holding {@link Commands}, naming {@code manageClass} in JGI-Manage unless null. */
    private Path jar(String manageClass) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (manageClass != null) {
            manifest.getMainAttributes().putValue("JGI-Manage", manageClass);
        }
        Path jar = Files.createTempFile(dir, "app", ".jar");
        String entry = Commands.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                InputStream bytes = ManageTest.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
        }
        return jar;
    }
}
