package dev.jgi.testing.doccommands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the checkout as {@code git clone} of the working tree would give: every file git tracks
 * or would track ({@code git ls-files --cached --others --exclude-standard}), so uncommitted edits
 * are included and build outputs ({@code target/}, {@code node_modules/}) are not; optionally with
 * the build outputs of the checkout's Maven modules as well ({@link #copyBuildOutputs}).
 */
final class ScratchCheckout {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private ScratchCheckout() {}

    static Path copy(Path checkout, Path into) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(checkout.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        git.getOutputStream().close();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new IllegalStateException("git ls-files failed in " + checkout);
        }
        Files.createDirectories(into);
        for (String name : listing.split("\0", -1)) {
            Path source = checkout.resolve(name);
            // A tracked file deleted in the working tree is not part of the copy.
            if (name.isEmpty() || !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = into.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return into;
    }

    /**
     * Copies the {@code target/} folder of each module of the root POM's reactor (its modules,
     * recursively) from {@code checkout} into the copy {@code into}, times kept, so that Maven finds
     * the classes and jars the checkout's build made up to date; a folder that holds {@code
     * exclude} (the runner's own work folder) is not copied.
     */
    static void copyBuildOutputs(Path checkout, Path into, Path exclude) throws IOException {
        for (Path module : modules(checkout, checkout)) {
            Path outputs = module.resolve("target");
            if (!Files.isDirectory(outputs) || exclude.startsWith(outputs)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(outputs)) {
                for (Path source : files.toList()) {
                    Path target = into.resolve(checkout.relativize(source).toString());
                    if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(
                                source,
                                target,
                                StandardCopyOption.COPY_ATTRIBUTES,
                                StandardCopyOption.REPLACE_EXISTING,
                                LinkOption.NOFOLLOW_LINKS);
                    }
                }
            }
        }
    }

    /** {@code project} and its modules, recursively, as its {@code pom.xml} lists them. */
    private static List<Path> modules(Path checkout, Path project) throws IOException {
        List<Path> modules = new ArrayList<>(List.of(project));
        Matcher module = MODULE.matcher(Files.readString(project.resolve("pom.xml")));
        while (module.find()) {
            Path child = project.resolve(module.group(1).strip()).normalize();
            if (!child.startsWith(checkout) || !Files.isRegularFile(child.resolve("pom.xml"))) {
                throw new IllegalStateException(
                        project.resolve("pom.xml") + " lists a module that is not here: " + module.group(1));
            }
            modules.addAll(modules(checkout, child));
        }
        return modules;
    }
}
