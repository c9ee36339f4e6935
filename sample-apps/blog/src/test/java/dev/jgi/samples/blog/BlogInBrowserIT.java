package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Browser;
import dev.jgi.testing.Command;
import dev.jgi.testing.JgiProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's and the author's journey with the built jar: settings in {@code .env}, the admin
 * commands as separate processes, {@code bin/jgi serve blog.jar}, then headless Chromium logs in,
 * publishes a post, and sees the jar's stylesheet applied.
 */
class BlogInBrowserIT {

    private static final Path JAR = Path.of("target/blog.jar").toAbsolutePath();

    @TempDir
    Path site;

    @Test
    void adminLogsInPublishesAndTheStylesheetApplies() throws Exception {
        Files.writeString(site.resolve(".env"), "SECRET_KEY=browser-test-secret-0123456789\nDEBUG=false\n");
        assertThat(admin("", "migrate")).contains("Applied 2 migration(s) to H2 jdbc:h2:file:./blog-db");
        assertThat(admin("s3cret-passw0rd\n", "createsuperuser", "--username", "admin", "--password-stdin"))
                .contains("Superuser admin created");

        try (JgiProcess server = JgiProcess.serve(JAR, site, Map.of());
                Browser browser = Browser.start()) {
            publishAndSeeTheStyle(browser, server::uri);
        }
    }

    /** Logs in as admin (password s3cret-passw0rd), publishes a post and checks the styles of its page. */
    static void publishAndSeeTheStyle(Browser browser, Function<String, URI> server) throws Exception {
        WebDriver page = browser.driver();
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(15));

        page.get(server.apply("/admin").toString());
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        page.findElement(By.name("username")).sendKeys("admin");
        page.findElement(By.name("password")).sendKeys("s3cret-passw0rd");
        page.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("title")));

        page.findElement(By.name("title")).sendKeys("Written in Chromium");
        page.findElement(By.name("body")).sendKeys("A post from a real browser.\n\nIt has two paragraphs.");
        assertThat(page.findElement(By.id("body-count")).getText())
                .as("blog.js counts words")
                .isEqualTo("10 words");
        browser.screenshot("blog-admin");
        page.findElement(By.cssSelector("form.card button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/posts/written-in-chromium"));

        assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Written in Chromium");
        assertThat(page.findElement(By.tagName("h1")).getCssValue("color"))
                .as("h1 colour from blog.css")
                .isEqualTo("rgba(184, 70, 27, 1)");
        assertThat(page.findElement(By.tagName("body")).getCssValue("background-color"))
                .isEqualTo("rgba(251, 248, 241, 1)");
        assertThat(page.findElement(By.cssSelector(".site-header")).getCssValue("display"))
                .isEqualTo("flex");
        browser.screenshot("blog-post");

        page.get(server.apply("/").toString());
        assertThat(page.findElement(By.cssSelector(".post-summary h2 a")).getText())
                .isEqualTo("Written in Chromium");
        browser.screenshot("blog-front-page");
    }

    private String admin(String stdin, String... args) {
        List<String> line = new ArrayList<>(List.of("-cp", JAR.toString(), "dev.jgi.samples.blog.Admin"));
        line.addAll(List.of(args));
        return Command.java(line.toArray(String[]::new))
                .in(site)
                .input(stdin)
                .run(Duration.ofMinutes(2))
                .successfulOutput();
    }
}
