package dev.jgi.samples.blog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The blog's database: PostgreSQL when {@code DATABASE_URL} names one, else the embedded H2 file
 * database {@code ./blog-db} (the db.sqlite3 experience). Flyway migrations from
 * {@code db/migration} define the schema.
 */
public final class Database implements AutoCloseable {

    /** Where the embedded database lives without DATABASE_URL, relative to the working directory. */
    public static final String EMBEDDED_URL = "jdbc:h2:file:./blog-db";

    private final DataSource dataSource;
    private final String description;
    private final AutoCloseable closer;

    private Database(DataSource dataSource, String description, AutoCloseable closer) {
        this.dataSource = dataSource;
        this.description = description;
        this.closer = closer;
    }

    /**
     * The database {@code databaseUrl} names; PostgreSQL through a pool of {@code pool.size()}
     * connections. Nothing connects yet: a database that is down fails the first query, not this.
     */
    public static Database open(Optional<String> databaseUrl, Config.Pool pool) {
        String url = databaseUrl.orElse(EMBEDDED_URL);
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return postgres(URI.create(url), pool);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            return pooled(pg, "PostgreSQL " + url.replaceAll("password=[^&]*", "password=***"), pool);
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcConnectionPool h2 = JdbcConnectionPool.create(url, "sa", "");
            return new Database(h2, "H2 " + url, h2::dispose);
        }
        throw new IllegalArgumentException(
                "DATABASE_URL must be postgres://user:password@host:port/name or a jdbc:postgresql: "
                        + "or jdbc:h2: URL, got one starting " + url.substring(0, Math.min(url.length(), 12)));
    }

    private static Database postgres(URI uri, Config.Pool pool) {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {uri.getHost()});
        pg.setPortNumbers(new int[] {uri.getPort() < 0 ? 5432 : uri.getPort()});
        pg.setDatabaseName(uri.getPath().replaceFirst("^/", ""));
        if (uri.getRawUserInfo() != null) {
            String[] user = uri.getRawUserInfo().split(":", 2);
            pg.setUser(URLDecoder.decode(user[0], StandardCharsets.UTF_8));
            if (user.length == 2) {
                pg.setPassword(URLDecoder.decode(user[1], StandardCharsets.UTF_8));
            }
        }
        return pooled(
                pg, "PostgreSQL at " + uri.getHost() + ":" + pg.getPortNumbers()[0] + "/" + pg.getDatabaseName(), pool);
    }

    /**
     * A fixed-size pool: connections are opened once and reused, so a page costs no connection
     * set-up, and the instance never holds more than {@code pool.size()} of PostgreSQL's slots. A
     * connection that failed (the database restarted) is dropped and replaced by the pool.
     */
    private static Database pooled(DataSource pg, String description, Config.Pool pool) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(pg);
        config.setPoolName("blog");
        config.setMaximumPoolSize(pool.size());
        config.setConnectionTimeout(pool.timeout().toMillis());
        // Start without the database: the first query, not the constructor, reports it missing.
        config.setInitializationFailTimeout(-1);
        HikariDataSource hikari = new HikariDataSource(config);
        return new Database(hikari, description + " (pool of " + pool.size() + ")", hikari);
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** A connection of its own, outside the pool, for checks that must not queue behind requests. */
    public Connection unpooledConnection() throws SQLException {
        DataSource direct = dataSource instanceof HikariDataSource hikari ? hikari.getDataSource() : dataSource;
        return direct.getConnection();
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    /** The migrations not yet applied, by version. */
    public List<String> pendingMigrations() {
        return Arrays.stream(flyway().info().pending())
                .map(MigrationInfo::getVersion)
                .map(String::valueOf)
                .toList();
    }

    public String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }

    private Flyway flyway() {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
