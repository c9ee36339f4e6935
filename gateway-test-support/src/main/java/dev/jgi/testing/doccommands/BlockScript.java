package dev.jgi.testing.doccommands;

import java.util.List;

/**
 * A shell block as one bash script, so that the commands share one shell as they do when a reader
 * pastes the block into a terminal (a sourced {@code bin/java-env} stays in effect). Each command
 * that fails ends the script with its line; a {@link ShellCommand.Serve} command starts in a process
 * group of its own, and the script waits for its URL, runs the commands after it, and at the end
 * stops it with SIGTERM and requires a clean exit.
 */
final class BlockScript {

    /** Exit code of the script when a command failed; the failing line is printed first. */
    static final int FAILED = 97;

    private static final String PRELUDE = """
            # Generated from %s by dev.jgi.testing.doccommands.BlockScript: the block's commands in one shell.
            __servers=()
            __fail() { echo "doc-commands: line $1 failed: $2" >&2; __stop_servers; exit %d; }
            __wait_for() { # URL PID SECONDS LOG: until URL answers 2xx or 3xx, while PID lives
              local deadline=$((SECONDS + $3)) code
              while [ $SECONDS -lt $deadline ]; do
                kill -0 "$2" 2>/dev/null || { echo "the server exited before $1 answered; its output:" >&2; tail -n 40 "$4" >&2; return 1; }
                code=$(curl -s -o /dev/null -w '%%{http_code}' --max-time 5 "$1" || true)
                case "$code" in 2??|3??) return 0;; esac
                sleep 1
              done
              echo "$1 did not answer within $3 s; the server's output:" >&2; tail -n 40 "$4" >&2; return 1
            }
            __stop_servers() {
              local pid status=0
              for pid in "${__servers[@]}"; do
                kill -TERM -- "-$pid" 2>/dev/null || true
                wait "$pid" || status=$?
                [ "$status" -eq 0 ] || { echo "doc-commands: a server (pid $pid) exited $status after SIGTERM" >&2; __servers=(); exit %d; }
              done
              __servers=()
            }
            """;

    private BlockScript() {}

    /**
     * The script for {@code block}.
     *
     * @param logs        a folder for the servers' output
     * @param serveWait   seconds a server may take to answer (it may build first)
     */
    static String of(ShellBlock block, String logs, int serveWait) {
        StringBuilder script = new StringBuilder(PRELUDE.formatted(block.where(), FAILED, FAILED)).append('\n');
        List<ShellCommand> commands = block.commands();
        for (ShellCommand command : commands) {
            script.append("# line ").append(command.line()).append('\n');
            switch (command.handling()) {
                case ShellCommand.Run run ->
                    script.append("{ ")
                            .append(command.text())
                            .append("\n} || __fail ")
                            .append(command.line())
                            .append(" \"exit $?\"\n");
                case ShellCommand.Serve serve -> {
                    String log = logs + "/serve-" + command.line() + ".log";
                    script.append("setsid bash -c ")
                            .append(quote("exec " + command.text()))
                            .append(" > ")
                            .append(quote(log))
                            .append(" 2>&1 < /dev/null &\n__servers+=($!)\n__wait_for ")
                            .append(quote(serve.url()))
                            .append(" $! ")
                            .append(serveWait)
                            .append(' ')
                            .append(quote(log))
                            .append(" || __fail ")
                            .append(command.line())
                            .append(" \"no answer from ")
                            .append(serve.url())
                            .append("\"\n");
                }
                case ShellCommand.Skip skip ->
                    script.append("# skipped: ")
                            .append(skip.reason().replace('\n', ' '))
                            .append('\n');
            }
        }
        return script.append("__stop_servers\n").toString();
    }

    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
