package dev.jgi.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line of a JVM that runs the {@code jgi} command from the server's jars, as {@code
 * bin/jgi} lays it out: the server on the module path, so its internal packages stay closed to the
 * app; JBoss's support libraries on the class path, where Undertow and XNIO can read them (bin/jgi
 * says why); JVM options from {@code JGI_JAVA_OPTS} first, then the plugin's own.
 *
 * @param launcher the {@code java} launcher
 * @param serverJars the server's jar and every jar it needs
 * @param jvmOptions options for the JVM, before the module path
 */
record ServerJvm(Path launcher, List<File> serverJars, List<String> jvmOptions) {

    /** Jars that must stay on the class path (see bin/jgi). */
    private static final List<String> CLASS_PATH_PREFIXES =
            List.of("jboss-logging-", "jboss-threads-", "smallrye-common-");

    ServerJvm {
        serverJars = List.copyOf(serverJars);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The JVM that runs Maven, with the server jars and the options of {@code JGI_JAVA_OPTS} and {@code extra}. */
    static ServerJvm ofMavensJava(List<File> serverJars, String javaOptsVariable, String extra) {
        List<String> options = new ArrayList<>(words(javaOptsVariable));
        options.addAll(words(extra));
        return new ServerJvm(Path.of(System.getProperty("java.home"), "bin", "java"), serverJars, options);
    }

    /**
     * {@code jgi ARGUMENTS} in this JVM. On Linux the JVM gets a session of its own ({@code
     * setsid}): Ctrl-C in a terminal then reaches Maven alone, which passes exactly one SIGTERM on,
     * so that the server shuts down gracefully rather than taking the second signal as "exit at once".
     */
    List<String> command(List<String> arguments) {
        List<String> modules = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        for (File jar : serverJars) {
            String name = jar.getName();
            if (CLASS_PATH_PREFIXES.stream().anyMatch(name::startsWith)) {
                classPath.add(jar.getPath());
            } else {
                modules.add(jar.getPath());
            }
        }
        List<String> line = new ArrayList<>();
        setsid().ifPresent(line::add);
        line.add(launcher.toString());
        line.add("--enable-native-access=com.sun.jna,com.aayushatharva.brotli4j,ALL-UNNAMED");
        line.add("--add-exports");
        line.add("java.base/sun.nio.ch=dev.jgi.server");
        line.addAll(jvmOptions);
        line.add("--module-path");
        line.add(String.join(File.pathSeparator, modules));
        if (!classPath.isEmpty()) {
            line.add("-cp");
            line.add(String.join(File.pathSeparator, classPath));
        }
        line.addAll(List.of(
                "--add-modules", "ALL-DEFAULT,ALL-MODULE-PATH", "--module", "dev.jgi.server/dev.jgi.server.cli.Main"));
        line.addAll(arguments);
        return List.copyOf(line);
    }

    private static Optional<String> setsid() {
        return Stream.of("/usr/bin/setsid", "/bin/setsid")
                .filter(path -> Files.isExecutable(Path.of(path)))
                .findFirst();
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }
}
