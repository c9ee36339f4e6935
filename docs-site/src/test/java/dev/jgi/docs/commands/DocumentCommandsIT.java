package dev.jgi.docs.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgi.testing.doccommands.CommandRunner;
import dev.jgi.testing.doccommands.ShellBlock;
import dev.jgi.testing.doccommands.ShellBlocks;
import dev.jgi.testing.doccommands.ShellCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shell command of the README, the samples' README and every page of {@code docs/}, run in a
 * scratch copy of the checkout by the one extractor ({@link ShellBlocks}, {@link CommandRunner}):
 * builds build, servers answer at the address the page names and stop cleanly, and a command not
 * run says why in its document.
 *
 * <p>The README's first block ({@code bin/demo}) runs as a newcomer runs it, in a fresh copy with no
 * build output. Every other block runs, in document order, in a second copy that starts with what
 * this build made (each module's {@code target/}), as on the machine of a reader who has built once:
 * its {@code mvn} commands must still succeed and make what the next command uses, but they do not
 * compile the project a second time (the build that runs this test has just compiled it, from the
 * same sources).
 */
class DocumentCommandsIT {

    private static final Duration BLOCK_TIMEOUT = Duration.ofMinutes(20);

    @TestFactory
    Stream<DynamicTest> everyShellCommandOfTheDocumentsRuns() throws Exception {
        assumeTrue(CommandRunner.isolationAvailable(), "unshare --net is not allowed here");
        Path root = Path.of(System.getProperty("jgi.root")).toAbsolutePath().normalize();
        List<ShellBlock> blocks = new ArrayList<>();
        for (Path document : documents(root)) {
            blocks.addAll(ShellBlocks.of(document));
        }
        assertThat(blocks)
                .as("the README's blocks are among them")
                .filteredOn(b -> b.document().equals(root.resolve("README.md")))
                .hasSizeGreaterThanOrEqualTo(3);
        ShellBlock newcomer = blocks.getFirst();
        assertThat(newcomer.commands())
                .as("the README's first block, the one run from a fresh copy")
                .extracting(ShellCommand::text)
                .contains("bin/demo");
        Path work = Path.of("target", "doc-commands").toAbsolutePath();
        delete(work);
        CommandRunner fresh = CommandRunner.inScratchCopy(root, work.resolve("fresh"), BLOCK_TIMEOUT);
        CommandRunner built = CommandRunner.inScratchCopyWithBuildOutputs(root, work.resolve("built"), BLOCK_TIMEOUT);
        return blocks.stream()
                .filter(block -> block.commands().stream().anyMatch(c -> !(c.handling() instanceof ShellCommand.Skip)))
                .map(block -> DynamicTest.dynamicTest(root.relativize(block.document()) + ":" + block.line(), () -> {
                    CommandRunner runner = block.equals(newcomer) ? fresh : built;
                    CommandRunner.Outcome outcome = runner.run(block, Map.of());
                    assertThat(outcome.exitCode())
                            .as("%s ran %s; its output:%n%s", block.where(), outcome.script(), outcome.output())
                            .isZero();
                }));
    }

    /** The README, the samples' README, then every Markdown page of docs/, in path order. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> documents =
                new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("sample-apps/README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
