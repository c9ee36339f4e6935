package dev.jgi.samples.blog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * Whether the database answers, checked once a second on a connection of its own, outside the
 * pool: a pool busy under load must not look like a database that is down. The reference server's
 * {@code /readyz} asks it (the lifespan state's {@code jgi.readiness}), so that load balancers stop
 * sending to an instance that can only answer 503, and send again once the database is back.
 * It holds one PostgreSQL connection beside the pool.
 */
final class DatabaseReadiness implements BooleanSupplier, AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final int VALID_WITHIN_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    private final Database database;
    private final ScheduledExecutorService checks;
    private volatile boolean up = true;
    /** Only the check thread touches it. */
    private Connection probe;

    private DatabaseReadiness(Database database) {
        this.database = database;
        this.checks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("blog-db-readiness").factory());
    }

    /** Starts checking {@code database}, which start-up found reachable. */
    static DatabaseReadiness watch(Database database) {
        DatabaseReadiness readiness = new DatabaseReadiness(database);
        // Never completes while running; check() catches what it can throw, so no failure hides here.
        var unused = readiness.checks.scheduleWithFixedDelay(
                readiness::check, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return readiness;
    }

    @Override
    public boolean getAsBoolean() {
        return up;
    }

    private void check() {
        boolean now;
        try {
            if (probe == null || !probe.isValid(VALID_WITHIN_SECONDS)) {
                closeProbe();
                probe = database.unpooledConnection();
            }
            now = true;
        } catch (SQLException e) {
            closeProbe();
            now = false;
        }
        if (now != up) {
            LOG.warning(now ? "database reachable again: ready" : "database unreachable: not ready until it answers");
            up = now;
        }
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // The connection is already broken; closing it is only tidying up.
            }
            probe = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        checks.shutdownNow();
        checks.awaitTermination(5, TimeUnit.SECONDS);
        closeProbe();
    }
}
