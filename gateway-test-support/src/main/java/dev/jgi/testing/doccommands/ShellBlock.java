package dev.jgi.testing.doccommands;

import java.nio.file.Path;
import java.util.List;

/**
 * A fenced {@code sh} (or {@code bash}, {@code shell}) block of a Markdown document.
 *
 * @param document the Markdown file
 * @param line     the line of its opening fence (1-based)
 * @param commands its commands, in order
 */
public record ShellBlock(Path document, int line, List<ShellCommand> commands) {

    public ShellBlock {
        commands = List.copyOf(commands);
    }

    /** {@code README.md:3}, for messages. */
    public String where() {
        return document.getFileName() + ":" + line;
    }
}
