package dev.jgi.testing.doccommands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the fenced shell blocks of a Markdown document and their commands: the one extractor every
 * document's commands are run through (the README, the guides, the deployment pages).
 *
 * <p>A block is a fence whose info string starts with {@code sh}, {@code bash} or {@code shell}. Each
 * line is a command; a line ending in {@code \} continues on the next; a trailing {@code # comment}
 * (outside quotes) is dropped; blank and comment-only lines are skipped. An HTML comment right before
 * the fence (invisible on GitHub and in the site) changes how commands are run, one directive a line:
 *
 * <pre>{@code
 * <!-- doc-commands
 * serve bin/demo | http://127.0.0.1:8000/
 * skip bin/test | it runs every test, this one included
 * -->
 * }</pre>
 *
 * {@code serve COMMAND | URL} marks a server ({@link ShellCommand.Serve}), {@code skip COMMAND | REASON} a
 * command not to run ({@link ShellCommand.Skip}). {@code COMMAND} is the command exactly as the extractor
 * reads it; a directive that names no command of its block is an error, so that a changed document
 * cannot leave a stale directive behind.
 */
public final class ShellBlocks {

    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([^\\s`{]*)");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "shell");
    private static final String MARKER = "<!-- doc-commands";

    private ShellBlocks() {}

    /**
     * The shell blocks of {@code document}, in order.
     *
     * @throws IllegalArgumentException naming the file and line, for an unclosed fence, a malformed
     *     directive or one that matches no command
     */
    public static List<ShellBlock> of(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        List<ShellBlock> blocks = new ArrayList<>();
        Map<String, ShellCommand.Handling> directives = Map.of();
        int directivesLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith(MARKER)) {
                directivesLine = i + 1;
                StringBuilder body = new StringBuilder(line.strip().substring(MARKER.length()));
                while (!body.toString().contains("-->")) {
                    if (++i >= lines.size()) {
                        throw new IllegalArgumentException(document + ":" + directivesLine + ": unclosed " + MARKER);
                    }
                    body.append('\n').append(lines.get(i));
                }
                directives = directives(document, directivesLine, body.substring(0, body.indexOf("-->")));
                continue;
            }
            Matcher fence = FENCE.matcher(line);
            if (!fence.find()) {
                if (!line.isBlank()) {
                    checkUsed(document, directivesLine, directives);
                    directives = Map.of();
                }
                continue;
            }
            String indent = fence.group(1);
            String marks = fence.group(2);
            int open = i;
            List<String> content = new ArrayList<>();
            while (true) {
                if (++i >= lines.size()) {
                    throw new IllegalArgumentException(document + ":" + (open + 1) + ": unclosed code fence");
                }
                String inner = lines.get(i);
                if (inner.strip().startsWith(marks)
                        && inner.strip().replace(marks.substring(0, 1), "").isEmpty()) {
                    break;
                }
                content.add(inner.startsWith(indent) ? inner.substring(indent.length()) : inner.stripLeading());
            }
            if (SHELLS.contains(fence.group(3))) {
                blocks.add(new ShellBlock(document, open + 1, commands(document, open + 1, content, directives)));
                directives = Map.of();
            } else {
                checkUsed(document, directivesLine, directives);
                directives = Map.of();
            }
        }
        checkUsed(document, directivesLine, directives);
        return blocks;
    }

    private static List<ShellCommand> commands(
            Path document, int fenceLine, List<String> content, Map<String, ShellCommand.Handling> directives) {
        List<ShellCommand> commands = new ArrayList<>();
        Map<String, ShellCommand.Handling> unused = new LinkedHashMap<>(directives);
        for (int i = 0; i < content.size(); i++) {
            int start = i;
            StringBuilder text = new StringBuilder();
            String line = content.get(i);
            while (line.endsWith("\\") && i + 1 < content.size()) {
                text.append(line, 0, line.length() - 1).append(' ');
                line = content.get(++i).strip();
            }
            String command =
                    withoutComment(text.append(line).toString()).strip().replaceAll("\\s+", " ");
            if (command.isEmpty()) {
                continue;
            }
            ShellCommand.Handling handling = unused.remove(command);
            commands.add(new ShellCommand(
                    fenceLine + 1 + start, command, handling == null ? new ShellCommand.Run() : handling));
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(document + ":" + fenceLine + ": a doc-commands directive names no"
                    + " command of the block below it: " + unused.keySet());
        }
        return commands;
    }

    private static Map<String, ShellCommand.Handling> directives(Path document, int line, String body) {
        Map<String, ShellCommand.Handling> out = new LinkedHashMap<>();
        for (String raw : body.strip().split("\n", -1)) {
            String directive = raw.strip();
            if (directive.isEmpty()) {
                continue;
            }
            int space = directive.indexOf(' ');
            int bar = directive.lastIndexOf(" | ");
            if (space < 0 || bar < space) {
                throw new IllegalArgumentException(document + ":" + line + ": a directive reads 'serve COMMAND | URL'"
                        + " or 'skip COMMAND | REASON': " + directive);
            }
            String command = directive.substring(space + 1, bar).strip().replaceAll("\\s+", " ");
            String argument = directive.substring(bar + 3).strip();
            ShellCommand.Handling handling = switch (directive.substring(0, space)) {
                case "serve" -> {
                    if (!argument.startsWith("http://")) {
                        throw new IllegalArgumentException(
                                document + ":" + line + ": serve needs an http:// URL to wait for: " + directive);
                    }
                    yield new ShellCommand.Serve(argument);
                }
                case "skip" -> new ShellCommand.Skip(argument);
                default ->
                    throw new IllegalArgumentException(
                            document + ":" + line + ": unknown directive (serve or skip): " + directive);
            };
            if (out.put(command, handling) != null) {
                throw new IllegalArgumentException(document + ":" + line + ": two directives for " + command);
            }
        }
        return out;
    }

    private static void checkUsed(Path document, int line, Map<String, ShellCommand.Handling> directives) {
        if (!directives.isEmpty()) {
            throw new IllegalArgumentException(
                    document + ":" + line + ": doc-commands directives must come right before a shell block");
        }
    }

    /** The command without a trailing {@code # comment}; a {@code #} inside quotes or a word is kept. */
    static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
