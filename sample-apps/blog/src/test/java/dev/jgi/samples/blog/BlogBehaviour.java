package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a visitor and an admin can do, on the real server; run once per database by the
 * subclasses. Each class prepares its database with the admin commands, as an operator would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BlogBehaviour {

    static final String ADMIN = "editor";
    static final String PASSWORD = "correct horse battery staple";

    private EmbeddedServer server;
    private BlogClient sharedAdmin;

    /** Settings as the environment gives them, with the test's secret key and every other default. */
    static Config settings(String databaseUrl, boolean debug) throws Exception {
        return Config.from(
                Map.of(
                        "DATABASE_URL",
                        databaseUrl,
                        "SECRET_KEY",
                        "test-secret-key-0123456789abcdef",
                        "DEBUG",
                        String.valueOf(debug)),
                Path.of("no-such.env"));
    }

    /** The configuration of the blog under test, its database ready to migrate. */
    abstract Config config() throws Exception;

    /** Whether the blog migrates at start-up ({@code DEBUG=true}) or {@code Admin migrate} must run first. */
    abstract boolean migrateByCommand();

    @BeforeAll
    void start() throws Exception {
        Config config = config();
        if (migrateByCommand()) {
            assertThat(admin(config, "", "migrate")).startsWith("Applied 2 migration(s)");
        }
        server = EmbeddedServer.start(new Blog(config));
        assertThat(admin(config, PASSWORD + "\n", "createsuperuser", "--username", ADMIN, "--password-stdin"))
                .startsWith("Superuser editor created");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static String admin(Config config, String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Admin.run(
                List.of(args),
                config,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status)
                .as("Admin %s: %s", List.of(args), err.toString(StandardCharsets.UTF_8))
                .isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    BlogClient visitor() {
        return new BlogClient(server::uri);
    }

    /** A new session, logged in: each login costs a deliberately slow password hash. */
    BlogClient loggedInAdmin() throws Exception {
        BlogClient client = visitor();
        HttpResponse<String> response = client.logIn(ADMIN, PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        return client;
    }

    /** One logged-in session shared by the tests that only need to be logged in. */
    BlogClient admin() throws Exception {
        if (sharedAdmin == null) {
            sharedAdmin = loggedInAdmin();
        }
        return sharedAdmin;
    }

    @Test
    void adminAreaRedirectsToTheLoginPage() throws Exception {
        HttpResponse<String> response = visitor().get("/admin");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("location")).hasValue("/admin/login");
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        BlogClient client = visitor();
        HttpResponse<String> response = client.logIn(ADMIN, "not the password");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Wrong username or password.");
        assertThat(client.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() throws Exception {
        assertThat(visitor().logIn("nobody", PASSWORD).body()).contains("Wrong username or password.");
    }

    @Test
    void repeatedWrongPasswordsForOneAccountAreThrottledWith429() throws Exception {
        BlogClient client = visitor();
        for (int i = 0; i < 10; i++) {
            assertThat(client.logIn("guessed-account", "guess " + i).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = client.logIn("guessed-account", "guess 10");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("retry-after"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        assertThat(refused.body()).contains("Too many failed logins");
        assertThat(loggedInAdmin().get("/admin").statusCode())
                .as("another account from the same address")
                .isEqualTo(200);
    }

    @Test
    void publishedPostIsOnTheFrontPageAndItsOwnPage() throws Exception {
        BlogClient admin = admin();
        HttpResponse<String> created = admin.submit(
                "/admin",
                "/admin/posts",
                Map.of("title", "Hello, JGI", "body", "First paragraph.\n\nSecond paragraph."));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith("/posts/hello-jgi");

        HttpResponse<String> page = visitor().get(location);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Hello, JGI</h1>")
                .contains("<p>First paragraph.</p>")
                .contains("<p>Second paragraph.</p>")
                .contains("by editor");
        assertThat(visitor().get("/").body()).contains(location);
    }

    @Test
    void formWithoutTheCsrfTokenIsForbidden() throws Exception {
        BlogClient admin = admin();
        HttpResponse<String> response = admin.post("/admin/posts", Map.of("title", "Forged", "body", "x"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(visitor().get("/").body()).doesNotContain("Forged");
    }

    @Test
    void tokenSeenBeforeLoginIsWorthlessAfterIt() throws Exception {
        BlogClient client = visitor();
        String before = client.csrfToken("/admin/login");
        client.logIn(ADMIN, PASSWORD);
        HttpResponse<String> response =
                client.post("/admin/posts", Map.of("csrf_token", before, "title", "Stale", "body", "x"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void visitorCannotPublish() throws Exception {
        BlogClient client = visitor();
        HttpResponse<String> response =
                client.submit("/admin/login", "/admin/posts", Map.of("title", "Spam", "body", "x"));
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void markupInPostsIsEscaped() throws Exception {
        BlogClient admin = admin();
        String location = admin.submit(
                        "/admin", "/admin/posts", Map.of("title", "<script>alert(1)</script>", "body", "<b>bold?</b>"))
                .headers()
                .firstValue("location")
                .orElseThrow();
        String page = visitor().get(location).body();
        assertThat(page)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;bold?&lt;/b&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void emptyPostIsRejectedWith400() throws Exception {
        HttpResponse<String> response = admin().submit("/admin", "/admin/posts", Map.of("title", " ", "body", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("A post needs a title");
    }

    @Test
    void sameTitleGetsAnotherSlug() throws Exception {
        BlogClient admin = admin();
        String first = admin.submit("/admin", "/admin/posts", Map.of("title", "Twice", "body", "one"))
                .headers()
                .firstValue("location")
                .orElseThrow();
        String second = admin.submit("/admin", "/admin/posts", Map.of("title", "Twice", "body", "two"))
                .headers()
                .firstValue("location")
                .orElseThrow();
        assertThat(first).isNotEqualTo(second);
        assertThat(visitor().get(second).body()).contains("<p>two</p>");
    }

    @Test
    void deletedPostIsGone() throws Exception {
        BlogClient admin = admin();
        String location = admin.submit("/admin", "/admin/posts", Map.of("title", "Short-lived", "body", "bye"))
                .headers()
                .firstValue("location")
                .orElseThrow();
        String dashboard = admin.get("/admin").body();
        Matcher id = Pattern.compile("/admin/posts/(\\d+)/delete\" data-confirm=\"Delete “Short-lived”")
                .matcher(dashboard);
        assertThat(id.find()).isTrue();
        assertThat(admin.submit("/admin", "/admin/posts/" + id.group(1) + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(visitor().get(location).statusCode()).isEqualTo(404);
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        BlogClient admin = loggedInAdmin();
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
        assertThat(admin.submit("/admin", "/admin/logout", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void frontPageSetsNoCookieForAVisitor() throws Exception {
        assertThat(visitor().get("/").headers().firstValue("set-cookie")).isEmpty();
    }

    @Test
    void unknownPostIsNotFound() throws Exception {
        assertThat(visitor().get("/posts/no-such-post").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesCarrySecurityHeadersAndLinkTheirAssets() throws Exception {
        HttpResponse<String> page = visitor().get("/");
        assertThat(page.headers().firstValue("content-security-policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        assertThat(page.headers().firstValue("x-frame-options")).hasValue("DENY");
        assertThat(page.body()).containsPattern("<link rel=\"stylesheet\" href=\"/static/css/blog[^\"]*\\.css\">");
    }
}
