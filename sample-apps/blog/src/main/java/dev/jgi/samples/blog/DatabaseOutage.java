package dev.jgi.samples.blog;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Answers 503 with {@code Retry-After} when a page fails because the database cannot be reached
 * (down, restarting, out of connection slots, or no pooled connection free in time), instead of a
 * 500: the outage is temporary, and a load balancer may retry elsewhere. Other failures pass on.
 * Nothing needs resetting afterwards: the pool replaces broken connections once the database is back.
 */
final class DatabaseOutage implements Middleware {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());

    @Override
    public Response handle(Request request, Exchange exchange, Application next) throws Exception {
        try {
            return next.handle(request, exchange);
        } catch (Exception e) {
            if (!unreachable(e)) {
                throw e;
            }
            // One line, no stack trace: during an outage every request would log one.
            LOG.warning(() -> "database unavailable, answered 503 to " + request.method() + " " + request.path() + ": "
                    + firstLine(e));
            return Response.text(503, "The blog's database is unavailable; try again in a few seconds.\n")
                    .withHeader("retry-after", String.valueOf(RETRY_AFTER.toSeconds()));
        }
    }

    /**
     * Whether a failure means the database cannot be reached: SQLSTATE class 08 (connection
     * exception), 53300 (too many connections), 57P01 to 57P03 (shutting down, crashed, starting up),
     * or the pool's time-out waiting for a connection, anywhere in the chain of causes.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("53300") || state.matches("57P0[123]")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
