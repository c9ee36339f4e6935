package dev.jgi.docs.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server reference page: the output of {@code jgi settings}, run with this program's class path
 * (which holds gateway-server), so the page is built from the same declarations as {@code --help}.
 */
final class ServerReference {

    static final String PAGE = "reference/server-settings.md";

    private ServerReference() {}

    static void write(SiteOutput out) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jgi = new ProcessBuilder(List.of(
                        java, "-cp", System.getProperty("java.class.path"), "dev.jgi.server.cli.Main", "settings"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        jgi.getOutputStream().close();
        String markdown = new String(jgi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jgi.waitFor(60, TimeUnit.SECONDS)) {
            jgi.destroyForcibly();
            throw new IllegalStateException("jgi settings did not end within 60 s");
        }
        if (jgi.exitValue() != 0) {
            throw new IllegalStateException("jgi settings failed with exit code " + jgi.exitValue());
        }
        out.page(PAGE, markdown);
    }
}
