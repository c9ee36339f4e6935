package dev.jgi.server.runtime;

import dev.jgi.server.log.RateLimitedWarning;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Says in the server log when a listener reaches the connection cap ({@code --max-connections}),
 * rate-limited: otherwise a flood at the cap is silent, the kernel queueing what the server no
 * longer accepts. XNIO enforces the cap and reports reaching it only at DEBUG, on a category of its
 * own that carries nothing else; DEBUG on that category is turned on here and its records become one WARN
 * when the cap is first reached and at most one every {@link #INTERVAL} while it keeps being
 * reached, in place of XNIO's line per event.
 */
final class ConnectionCapLog {

    static final Duration INTERVAL = Duration.ofSeconds(10);

    /** XNIO's words when a new connection takes a listener to its high-water mark. */
    private static final String REACHED = "reach high water limit";

    /**
     * XNIO asks its parent category whether DEBUG is on before it reports; that category's only
     * other line is a rare one, kept at the level the server log has. Both loggers are held so
     * that their levels stay: the log manager keeps loggers only weakly.
     */
    private static final Logger XNIO_SERVER = Logger.getLogger("org.xnio.nio.tcp.server");

    private static final Logger XNIO_LIMIT = Logger.getLogger("org.xnio.nio.tcp.server.connection-limit");

    private static final Set<ConnectionCapLog> LIVE = ConcurrentHashMap.newKeySet();

    static {
        XNIO_SERVER.setLevel(Level.FINE);
        XNIO_SERVER.setFilter(ConnectionCapLog::asTheRootLoggerWould);
        XNIO_LIMIT.setLevel(Level.FINE);
        XNIO_LIMIT.setFilter(ConnectionCapLog::publish);
    }

    private final RateLimitedWarning reached;

    private ConnectionCapLog(int maxConnections) {
        this.reached = new RateLimitedWarning(
                "the connection cap (--max-connections " + maxConnections
                        + " per address) is reached: new connections wait in the kernel's backlog until others close",
                INTERVAL);
    }

    /** Logs the cap of the server's listeners until {@link #close}; none when the cap is off. */
    static ConnectionCapLog open(int maxConnections) {
        ConnectionCapLog log = new ConnectionCapLog(maxConnections);
        if (maxConnections > 0) {
            LIVE.add(log);
        }
        return log;
    }

    void close() {
        LIVE.remove(this);
    }

    private static boolean asTheRootLoggerWould(LogRecord record) {
        Level root = Logger.getLogger("").getLevel();
        return root == null || record.getLevel().intValue() >= root.intValue();
    }

    /** The filter on XNIO's category: its records are this class's to report, or nobody's. */
    private static boolean publish(LogRecord record) {
        String message = record.getMessage();
        if (message != null && message.contains(REACHED)) {
            LIVE.forEach(log -> log.reached.occurred());
        }
        return false;
    }
}
