package dev.jgi.server.log;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The server's own log: one line per event on standard error, with the request id where there is
 * one; a failure's stack trace follows its line (it never reaches the client [JGI-ERR-1]).
 */
public final class ServerLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);
    private static volatile PrintStream out = System.err;
    private static volatile boolean verbose;

    private ServerLog() {}

    /** Development mode logs stack traces and debug lines. */
    public static void verbose(boolean on) {
        verbose = on;
    }

    public static void info(String message) {
        line("INFO", null, message, null);
    }

    public static void debug(String message) {
        if (verbose) {
            line("DEBUG", null, message, null);
        }
    }

    public static void warn(String requestId, String message) {
        line("WARN", requestId, message, null);
    }

    /** An application failure or a server fault, with its stack trace [JGI-ERR-3]. */
    public static void error(String requestId, String message, Throwable failure) {
        line("ERROR", requestId, message, failure);
    }

    private static void line(String level, String requestId, String message, Throwable failure) {
        StringBuilder line = new StringBuilder(128)
                .append(TIME.format(Instant.now()))
                .append(' ')
                .append(level);
        if (requestId != null) {
            line.append(" [").append(requestId).append(']');
        }
        line.append(' ').append(message);
        if (failure != null) {
            line.append(": ").append(failure);
        }
        PrintStream target = out;
        synchronized (target) {
            target.println(line);
            if (failure != null) {
                failure.printStackTrace(target);
            }
        }
    }
}
