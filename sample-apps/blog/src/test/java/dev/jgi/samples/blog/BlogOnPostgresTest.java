package dev.jgi.samples.blog;

import dev.jgi.samples.testing.Postgres;
import org.junit.jupiter.api.AfterAll;

/**
 * The blog on a real PostgreSQL (Debian's, started in a temporary directory), configured by a
 * {@code DATABASE_URL} and migrated by the admin command before the server starts, as in production.
 */
class BlogOnPostgresTest extends BlogBehaviour {

    private Postgres postgres;

    @Override
    Config config() throws Exception {
        if (postgres == null) {
            postgres = Postgres.start();
            url = postgres.createDatabase("blog");
        }
        return settings(url, false);
    }

    private String url;

    @Override
    boolean migrateByCommand() {
        return true;
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}
