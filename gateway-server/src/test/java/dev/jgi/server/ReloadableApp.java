package dev.jgi.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Writes and compiles a tiny app whose answer is its version, so a test can change it under a running server. */
final class ReloadableApp {

    static final String NAME = "reloadable.VersionApp";

    private ReloadableApp() {}

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
