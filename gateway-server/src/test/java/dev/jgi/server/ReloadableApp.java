package dev.jgi.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Writes and compiles a tiny app whose answer is its version, so a test can change it under a running server. */
final class ReloadableApp {

    static final String NAME = "reloadable.VersionApp";

    private ReloadableApp() {}

    /** Compiles another version over the first, its class file dated 2 s later than the one it replaces. */
    static void recompile(Path classes, String version) throws IOException {
        Path classFile = classes.resolve("reloadable/VersionApp.class");
        FileTime before = Files.getLastModifiedTime(classFile);
        compile(classes, version);
        // The reloader compares modification times, which some file systems keep to the second.
        Files.setLastModifiedTime(classFile, FileTime.fromMillis(before.toMillis() + 2000));
    }

    static void compile(Path classes, String version) throws IOException {
        Path source = classes.getParent().resolve("src").resolve("reloadable").resolve("VersionApp.java");
        Files.createDirectories(source.getParent());
        Files.createDirectories(classes);
        Files.writeString(source, """
                package reloadable;
                public final class VersionApp implements dev.jgi.api.Application {
                    public dev.jgi.api.Response handle(dev.jgi.api.Request request, dev.jgi.api.Exchange exchange) {
                        return dev.jgi.api.Response.text(200, "%s");
                    }
                }
                """.formatted(version));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String api = dev.jgi.api.Application.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", api, source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed for " + source);
        }
    }
}
