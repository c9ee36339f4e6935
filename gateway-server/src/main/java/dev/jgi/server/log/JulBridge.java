package dev.jgi.server.log;

import dev.jgi.server.ServerConfig;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Routes java.util.logging into the server log, replacing the root logger's console handler, so
 * that the application's lines (and SLF4J's, through its JUL binding {@code slf4j-jdk14}) share the
 * server's format, level and request ids. Only {@code jgi serve} installs it: an embedding program
 * keeps its own logging.
 */
public final class JulBridge extends Handler {

    private final Formatter messages = new SimpleFormatter();

    private JulBridge() {}

    /** Installs the bridge on the root logger, at the server log's level. */
    public static void install(ServerConfig.LogLevel level) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new JulBridge());
        root.setLevel(
                switch (level) {
                    case DEBUG -> Level.FINE;
                    case INFO -> Level.INFO;
                    case WARN -> Level.WARNING;
                    case ERROR -> Level.SEVERE;
                });
    }

    @Override
    public void publish(LogRecord record) {
        int value = record.getLevel().intValue();
        ServerConfig.LogLevel level = value >= Level.SEVERE.intValue()
                ? ServerConfig.LogLevel.ERROR
                : value >= Level.WARNING.intValue()
                        ? ServerConfig.LogLevel.WARN
                        : value >= Level.INFO.intValue() ? ServerConfig.LogLevel.INFO : ServerConfig.LogLevel.DEBUG;
        String logger = record.getLoggerName() == null ? "-" : record.getLoggerName();
        ServerLog.log(level, logger, null, messages.formatMessage(record), record.getThrown());
    }

    @Override
    public void flush() {
        System.err.flush();
    }

    @Override
    public void close() {
        // Standard error is not this handler's to close.
    }
}
