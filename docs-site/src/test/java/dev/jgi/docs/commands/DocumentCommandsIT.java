package dev.jgi.docs.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * run says why in its document. Blocks run in document order in one copy, so a later block finds
 * what an earlier one built, as a reader who follows the README would.
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
        Path work = Path.of("target", "doc-commands").toAbsolutePath();
        delete(work);
        CommandRunner runner = CommandRunner.inScratchCopy(root, work, BLOCK_TIMEOUT);
        return blocks.stream()
                .filter(block -> block.commands().stream().anyMatch(c -> !(c.handling() instanceof Command.Skip)))
                .map(block -> DynamicTest.dynamicTest(root.relativize(block.document()) + ":" + block.line(), () -> {
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
