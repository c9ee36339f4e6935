package dev.jgi.testing.doccommands;

/**
 * One command of a shell block, as a reader would type it: continuation lines joined, the trailing
 * {@code # comment} removed.
 *
 * @param line    the line of the document where the command starts (1-based)
 * @param text    the command
 * @param handling how the runner treats it
 */
public record ShellCommand(int line, String text, Handling handling) {

    /** How the runner treats a command; {@link Run} unless a directive says otherwise. */
    public sealed interface Handling {}

    /** Run it to its end; it must exit 0. */
    public record Run() implements Handling {}

    /**
     * A server that runs until stopped: start it, wait until {@code url} answers 2xx or 3xx, run the
     * block's later commands while it serves, then stop it with SIGTERM; it must exit 0.
     */
    public record Serve(String url) implements Handling {}

    /** Not run, for the reason given (it is the test run itself, it takes an hour, ...). */
    public record Skip(String reason) implements Handling {}
}
