package dev.jgi.testing.doccommands;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The extractor from the command line:
 *
 * <pre>{@code
 * DocCommands list FILE.md...          print each shell block and how each command is handled
 * DocCommands run WORK_DIR FILE.md...  run them in a scratch copy of the checkout made in WORK_DIR
 * }</pre>
 *
 * Run from the checkout's root. Exit status: 0, 1 when a block failed, 2 for a usage error or a
 * malformed document.
 */
public final class DocCommands {

    private DocCommands() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2 || !(args[0].equals("list") || (args[0].equals("run") && args.length >= 3))) {
            System.err.println("usage: DocCommands list FILE.md... | DocCommands run WORK_DIR FILE.md...");
            System.exit(2);
        }
        boolean run = args[0].equals("run");
        List<String> files = Arrays.asList(args).subList(run ? 2 : 1, args.length);
        CommandRunner runner = null;
        if (run) {
            if (!CommandRunner.isolationAvailable()) {
                System.err.println("error: cannot make a network namespace here (unshare --net)");
                System.exit(2);
            }
            runner =
                    CommandRunner.inScratchCopy(Path.of("").toAbsolutePath(), Path.of(args[1]), Duration.ofMinutes(20));
        }
        int failed = 0;
        for (String file : files) {
            List<ShellBlock> blocks;
            try {
                blocks = ShellBlocks.of(Path.of(file));
            } catch (IllegalArgumentException e) {
                System.err.println("error: " + e.getMessage());
                System.exit(2);
                return;
            }
            for (ShellBlock block : blocks) {
                System.out.println(block.where());
                block.commands().forEach(c -> System.out.println("  " + c.line() + "  " + describe(c)));
                if (runner != null) {
                    CommandRunner.Outcome outcome = runner.run(block, Map.of());
                    System.out.println(
                            outcome.passed()
                                    ? "  PASSED"
                                    : "  FAILED (" + outcome.exitCode() + "):\n" + outcome.output());
                    failed += outcome.passed() ? 0 : 1;
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static String describe(ShellCommand command) {
        return switch (command.handling()) {
            case ShellCommand.Run run -> "run    " + command.text();
            case ShellCommand.Serve serve -> "serve  " + command.text() + "  (until " + serve.url() + " answers)";
            case ShellCommand.Skip skip -> "skip   " + command.text() + "  (" + skip.reason() + ")";
        };
    }
}
