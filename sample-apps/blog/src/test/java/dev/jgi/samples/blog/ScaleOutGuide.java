package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Postgres;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What docs/deploy-scale-out.md configures, read from the page itself so that the tested
 * configuration is the documented one: the instances' command line, the balancers' blocks, and the
 * site they share (a migrated database, an admin user, one environment file).
 */
final class ScaleOutGuide {

    static final Path JAR = Path.of("target/blog.jar").toAbsolutePath();
    static final String ADMIN_PASSWORD = "scale-out-admin-password";
    private static final Path GUIDE = JgiProcess.root().resolve("docs/deploy-scale-out.md");

    private ScaleOutGuide() {}

    /** Three blog instances started with the guide's command line. */
    static JgiCluster cluster(Path envFile, Path workDir) throws Exception {
        return JgiCluster.start(commandLine(8001), JAR, envFile, workDir, 3);
    }

    /** Two chat instances started with the guide's command line. */
    static JgiCluster chat(Path envFile, Path workDir) throws Exception {
        return JgiCluster.start(commandLine(8011), chatJar(), envFile, workDir, 2);
    }

    /** The guide's block fenced as {@code language}, with the blog instances' addresses replaced. */
    static String balancer(String language, JgiCluster cluster) throws Exception {
        return balancer(language, cluster, 800);
    }

    /** The guide's block fenced as {@code language}, with the blog's and the chat's instances' addresses replaced. */
    static String balancer(String language, JgiCluster blog, JgiCluster chat) throws Exception {
        return replaceAddresses(balancer(language, blog), chat, 801);
    }

    private static String balancer(String language, JgiCluster cluster, int portPrefix) throws Exception {
        String guide = Files.readString(GUIDE);
        int start = guide.indexOf("```" + language + "\n");
        assertThat(start).as("a " + language + " block in " + GUIDE).isNotNegative();
        int body = start + language.length() + 4;
        return replaceAddresses(guide.substring(body, guide.indexOf("```", body)), cluster, portPrefix);
    }

    /** Replaces the guide's ports {@code PREFIX1}, {@code PREFIX2}, ... and their admin ports (9...) with the cluster's. */
    private static String replaceAddresses(String block, JgiCluster cluster, int portPrefix) {
        for (int i = 0; i < cluster.size(); i++) {
            String port = String.valueOf(portPrefix * 10 + i + 1);
            block = block.replace("127.0.0.1:" + port, "127.0.0.1:" + cluster.port(i))
                    .replace("port 9" + port.substring(1), "port " + cluster.adminPort(i));
        }
        return block;
    }

    /** The guide's command line of the instance on port {@code port}. */
    private static String commandLine(int port) throws Exception {
        Matcher line = Pattern.compile("(?m)^jgi serve --bind 127\\.0\\.0\\.1:" + port + " .*$")
                .matcher(Files.readString(GUIDE));
        assertThat(line.find())
                .as("the command line of the instance on port " + port + " in " + GUIDE)
                .isTrue();
        return line.group();
    }

    /** The chat's app jar, a test dependency (the module's shaded jar, in the reactor or the local repository). */
    private static Path chatJar() throws Exception {
        Path jar = Path.of(dev.jgi.samples.chat.Chat.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(jar.toString())
                .as("the chat sample's packaged jar (build it with package, not only compile)")
                .endsWith(".jar");
        return jar;
    }

    /** A database the instances share, and their environment file. */
    record Site(String databaseUrl, Path envFile) {}

    /**
     * A new database of {@code postgres}, migrated and given the user {@code admin} through
     * {@code bin/jgi manage}, as the guide says, with the environment file the instances share.
     */
    static Site site(Postgres postgres, String database, Path dir) throws Exception {
        String url = postgres.createDatabase(database);
        Path envFile = Files.writeString(
                dir.resolve("blog.env"),
                "DATABASE_URL=" + url + "\nSECRET_KEY=scale-out-shared-secret-0123456789abcdef\nDB_POOL_SIZE=5\n");
        String migrated = manage(envFile, "", "migrate");
        assertThat(migrated).contains("Applied 2 migration(s)");
        manage(envFile, ADMIN_PASSWORD + "\n", "createsuperuser", "--username", "admin", "--password-stdin");
        return new Site(url, envFile);
    }

    private static String manage(Path envFile, String input, String... command) {
        return Command.of(Stream.concat(
                                Stream.of(
                                        JgiProcess.root().resolve("bin/jgi").toString(),
                                        "manage",
                                        "--env-file",
                                        envFile.toString(),
                                        JAR.toString()),
                                Stream.of(command))
                        .toList())
                .with(Map.of())
                .input(input)
                .run(Duration.ofSeconds(90))
                .successfulOutput();
    }
}
