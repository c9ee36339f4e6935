package dev.jgi.docs.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A copy of the checkout as {@code git clone} of the working tree would give: every file git tracks
 * or would track ({@code git ls-files --cached --others --exclude-standard}), so uncommitted edits
 * are included and build outputs ({@code target/}, {@code node_modules/}) are not.
 */
final class ScratchCheckout {

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
        for (String name : listing.split("\0")) {
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
}
