package dev.jgi.testing.doccommands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.testing.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchCheckoutTest {

    private static final FileTime BUILT = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir
    Path dir;

    @Test
    void theCopyHoldsWhatGitWouldAndThenTheReactorsOutputsWithTheirTimes() throws Exception {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.writeString(checkout.resolve("pom.xml"), "<modules><module>app</module><module>site</module></modules>");
        Files.writeString(Files.createDirectories(checkout.resolve("app")).resolve("pom.xml"), "<project/>");
        Files.writeString(Files.createDirectories(checkout.resolve("site")).resolve("pom.xml"), "<project/>");
        Files.writeString(checkout.resolve(".gitignore"), "target/\n");
        Command.of("git", "init", "-q").in(checkout).run(Duration.ofSeconds(30)).successfulOutput();
        Path classFile =
                Files.createDirectories(checkout.resolve("app/target/classes")).resolve("App.class");
        Files.writeString(classFile, "compiled");
        Files.setLastModifiedTime(classFile, BUILT);
        Path runnerWork = Files.createDirectories(checkout.resolve("site/target/doc-commands"));
        Files.writeString(checkout.resolve("site/target/site.html"), "built");
        Files.writeString(
                Files.createDirectories(checkout.resolve("stray/target")).resolve("x"), "not a module");

        Path copy = ScratchCheckout.copy(checkout, dir.resolve("copy"));
        assertThat(copy.resolve("app/pom.xml")).exists();
        assertThat(copy.resolve("app/target")).doesNotExist();

        ScratchCheckout.copyBuildOutputs(checkout, copy, runnerWork);
        assertThat(copy.resolve("app/target/classes/App.class")).hasContent("compiled");
        assertThat(Files.getLastModifiedTime(copy.resolve("app/target/classes/App.class")))
                .as("the time Maven compares with the source's")
                .isEqualTo(BUILT);
        assertThat(copy.resolve("site/target"))
                .as("the folder the runner works in")
                .doesNotExist();
        assertThat(copy.resolve("stray/target"))
                .as("not a module of the reactor")
                .doesNotExist();
    }
}
