package dev.jgi.server.log;

import dev.jgi.server.ServerConfig;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The server's own log, and the application's through {@link JulBridge}: one line per event on
 * standard error, plain or JSON ({@code --log-format}), filtered by level ({@code --log-level}).
 * A line about a request carries its request id, and the W3C trace id when the request came with a
 * {@code traceparent}. A failure's stack trace follows its line in plain form and is a field in
 * JSON; it never reaches the client [JGI-ERR-1].
 */
public final class ServerLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);
    private static final String SERVER = "jgi";
    private static volatile PrintStream out = System.err;
    private static volatile ServerConfig.LogLevel threshold = ServerConfig.LogLevel.INFO;
    private static volatile boolean json;

    private ServerLog() {}

    /** Development mode logs debug lines. */
    public static void verbose(boolean on) {
        if (on) {
            threshold = ServerConfig.LogLevel.DEBUG;
        }
    }

    /** Sets the line format and the least severe level written. */
    public static void configure(ServerConfig.LogFormat format, ServerConfig.LogLevel level) {
        json = format == ServerConfig.LogFormat.JSON;
        threshold = level;
    }

    /** Whether lines of {@code level} are written. */
    public static boolean enabled(ServerConfig.LogLevel level) {
        return level.compareTo(threshold) >= 0;
    }

    public static void info(String message) {
        log(ServerConfig.LogLevel.INFO, SERVER, null, message, null);
    }

    /** An INFO line about one request. */
    public static void info(String requestId, String message) {
        log(ServerConfig.LogLevel.INFO, SERVER, requestId, message, null);
    }

    public static void debug(String message) {
        log(ServerConfig.LogLevel.DEBUG, SERVER, null, message, null);
    }

    public static void warn(String requestId, String message) {
        log(ServerConfig.LogLevel.WARN, SERVER, requestId, message, null);
    }

    /** An application failure or a server fault, with its stack trace [JGI-ERR-3]. */
    public static void error(String requestId, String message, Throwable failure) {
        log(ServerConfig.LogLevel.ERROR, SERVER, requestId, message, failure);
    }

    /**
     * Writes one line, if its level is enabled.
     *
     * @param logger    who logs: {@code jgi} for the server, else the application's logger name
     * @param requestId the request the line is about, or null for the current thread's request
     */
    public static void log(
            ServerConfig.LogLevel level, String logger, String requestId, String message, Throwable failure) {
        if (!enabled(level)) {
            return;
        }
        String id = requestId;
        String trace = RequestLog.traceOf(requestId);
        if (id == null) {
            LogContext context = LogContext.current().orElse(null);
            if (context != null) {
                id = context.requestId();
                trace = context.traceId();
            }
        }
        Line entry = new Line(TIME.format(Instant.now()), level, logger, id, trace, message, failure);
        String line = json ? entry.json() : entry.plain();
        PrintStream target = out;
        synchronized (target) {
            target.println(line);
            if (!json && failure != null) {
                failure.printStackTrace(target);
            }
        }
    }

    /** One line's parts, written in either format. */
    private record Line(
            String time,
            ServerConfig.LogLevel level,
            String logger,
            String id,
            String trace,
            String message,
            Throwable failure) {

        String plain() {
            StringBuilder line = new StringBuilder(128).append(time).append(' ').append(level.name());
            if (id != null) {
                line.append(" [").append(id);
                if (trace != null) {
                    line.append(" trace=").append(trace);
                }
                line.append(']');
            }
            line.append(' ');
            if (!logger.equals(SERVER)) {
                line.append(logger).append(": ");
            }
            line.append(message);
            if (failure != null) {
                line.append(": ").append(failure);
            }
            return line.toString();
        }

        String json() {
            StringBuilder line =
                    new StringBuilder(192).append("{\"time\":\"").append(time).append("\",\"level\":\"");
            line.append(level.name()).append("\",\"logger\":");
            JsonText.quote(line, logger);
            line.append(",\"message\":");
            JsonText.quote(line, message);
            if (id != null) {
                line.append(",\"request_id\":");
                JsonText.quote(line, id);
            }
            if (trace != null) {
                line.append(",\"trace_id\":\"").append(trace).append('"');
            }
            if (failure != null) {
                StringWriter stack = new StringWriter();
                failure.printStackTrace(new PrintWriter(stack));
                line.append(",\"error\":");
                JsonText.quote(line, stack.toString());
            }
            return line.append('}').toString();
        }
    }
}
