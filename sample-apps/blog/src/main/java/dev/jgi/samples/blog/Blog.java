package dev.jgi.samples.blog;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.media.MediaStorage;
import dev.jgi.samples.micro.Csrf;
import dev.jgi.samples.micro.Router;
import dev.jgi.samples.micro.Sessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The blog, the jar's {@code JGI-App}: public posts, an admin area behind a login, on PostgreSQL or
 * the embedded H2 database. Configured by {@link Config}; the schema comes from Flyway migrations,
 * applied by {@code java -jar blog.jar manage migrate}, or at start-up when {@code DEBUG=true}.
 */
public final class Blog implements Application {

    private final ConfigSource configSource;
    private volatile Application router;
    private volatile Database database;
    private volatile MediaStorage media;
    private volatile DatabaseReadiness readiness;

    /** The blog as the server loads it: configured from the environment and {@code .env}. */
    public Blog() {
        this(Config::fromEnvironment);
    }

    public Blog(Config config) {
        this(() -> config);
    }

    private Blog(ConfigSource configSource) {
        this.configSource = configSource;
    }

    @FunctionalInterface
    private interface ConfigSource {
        Config load() throws Exception;
    }

    @Override
    public Map<String, Object> start(ServerInfo server) throws Exception {
        Config config = configSource.load();
        Database db = Database.open(config.databaseUrl(), config.pool());
        try {
            if (config.debug()) {
                db.migrate();
            }
            List<String> pending = db.pendingMigrations();
            if (!pending.isEmpty()) {
                throw new IllegalStateException("the database (" + db.description() + ") lacks migrations " + pending
                        + "; run: java -jar blog.jar manage migrate");
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        AssetUrls assets = AssetUrls.fromEnvironment();
        MediaStorage storage;
        try {
            storage = MediaStorage.fromEnvironment();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Templates templates = new Templates(assets, config.debug());
        Users users = new Users(db);
        PublicPages pages = new PublicPages(new Posts(db), templates, storage);
        AdminPages admin = new AdminPages(
                users, new Posts(db), templates, storage, new LoginThrottle(config.logins(), Clock.systemUTC()));
        this.database = db;
        this.media = storage;
        DatabaseReadiness watching = DatabaseReadiness.watch(db);
        this.readiness = watching;
        List<String> elsewhere = new ArrayList<>();
        assets.origin().ifPresent(elsewhere::add);
        storage.origin().ifPresent(elsewhere::add);
        this.router = Router.builder()
                .use(securityHeaders(elsewhere))
                .use(new DatabaseOutage())
                .use(new Sessions(config.requireSecretKey()))
                .use(new Csrf())
                .get("/", pages::index)
                .get("/posts/{slug}", pages::post)
                .get("/media/{name}", pages::image)
                .get("/admin", admin::dashboard)
                .get("/admin/login", admin::loginForm)
                .post("/admin/login", admin::login)
                .post("/admin/logout", admin::logout)
                .post("/admin/posts", admin::create)
                .post("/admin/posts/{id}/delete", admin::delete)
                .build();
        // The reference server's /readyz follows the database (dev.jgi.server.http.AppReadiness).
        return Map.of("jgi.readiness", watching);
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        Application app = router;
        if (app == null) {
            throw new IllegalStateException("the server did not start the blog before the first request");
        }
        return app.handle(request, exchange);
    }

    @Override
    public void stop() throws Exception {
        DatabaseReadiness watching = readiness;
        if (watching != null) {
            watching.close();
        }
        MediaStorage storage = media;
        if (storage != null) {
            storage.close();
        }
        Database db = database;
        if (db != null) {
            db.close();
        }
    }

    /**
     * Headers every page gets: no sniffing, no framing, and scripts, styles and images from this origin
     * and the CDN or bucket that asset and media URLs point at, nothing else.
     */
    private static Middleware securityHeaders(List<String> assetOrigins) {
        String sources = String.join("", assetOrigins.stream().map(o -> " " + o).toList());
        return (request, exchange, next) -> next.handle(request, exchange)
                .withHeader("x-content-type-options", "nosniff")
                .withHeader("x-frame-options", "DENY")
                .withHeader("referrer-policy", "same-origin")
                .withHeader(
                        "content-security-policy",
                        "default-src 'self'" + sources + "; form-action 'self'; frame-ancestors 'none'");
    }
}
