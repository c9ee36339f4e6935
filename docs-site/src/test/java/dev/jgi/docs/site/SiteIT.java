package dev.jgi.docs.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.samples.testing.Browser;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.Setting;
import dev.jgi.testing.JgiProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built site, served as {@code bin/docs} serves it ({@code jgi serve --static} without an app):
 * every internal link and anchor resolves, and Chromium shows the pages a newcomer opens first.
 */
class SiteIT {

    private static final Path SITE = Path.of("target", "site");
    private static final String BASE = System.getProperty("jgi.site.base", "/docs/");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static JgiProcess server;

    @BeforeAll
    static void serve() throws Exception {
        assertThat(SITE.resolve("index.html"))
                .as("the site is built in the package phase")
                .isRegularFile();
        server = JgiProcess.serveFiles(BASE.substring(0, BASE.length() - 1), SITE);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static URI page(String path) {
        return server.uri(BASE + path);
    }

    @Test
    void everyInternalLinkAndAnchorResolves() throws Exception {
        String origin = server.uri("/").toString();
        Path report = Path.of("target", "linkinator.json");
        Process linkinator = new ProcessBuilder(
                        "npx",
                        "--no-install",
                        "linkinator",
                        page("").toString(),
                        "--recurse",
                        "--check-fragments",
                        "--concurrency",
                        "8",
                        "--timeout",
                        "20000",
                        "--format",
                        "json",
                        // No network here: links leaving the site are listed as skipped, not fetched.
                        "--skip",
                        "^(?!" + origin.replace(".", "\\.") + ")")
                .redirectOutput(report.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertThat(linkinator.waitFor(10, TimeUnit.MINUTES))
                .as("linkinator ended")
                .isTrue();
        JsonNode result = new ObjectMapper().readTree(report.toFile());
        List<String> broken = new ArrayList<>();
        Set<String> reached = new HashSet<>();
        for (JsonNode link : result.get("links")) {
            switch (link.get("state").asText()) {
                case "OK" -> {
                    String path = URI.create(link.get("url").asText()).getPath();
                    reached.add(path.endsWith("/") ? path + "index.html" : path);
                }
                case "BROKEN" ->
                    broken.add(
                            link.get("url").asText() + " (" + link.get("status").asText() + ") on "
                                    + link.path("parent").asText());
                default -> {}
            }
        }
        assertThat(broken).as("broken links and anchors, see " + report).isEmpty();
        assertThat(linkinator.exitValue()).isZero();
        // Not vacuous: the crawl reached every page of the site (and the javadoc from its index).
        List<String> pages;
        try (Stream<Path> files = Files.walk(SITE)) {
            pages = files.map(file -> SITE.relativize(file).toString())
                    .filter(path -> path.endsWith(".html") && !path.equals("404.html"))
                    .map(path -> BASE + path)
                    .toList();
        }
        assertThat(pages).hasSizeGreaterThan(20);
        assertThat(reached)
                .as("pages the crawl reached")
                .containsAll(pages.stream()
                        .filter(path -> !path.startsWith(BASE + "api/gateway-") || path.endsWith("/index.html"))
                        .toList());
    }

    @Test
    void chromiumShowsTheHomeTheAnchoredClauseAndAGettingStartedPage() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

            driver.get(page("index.html").toString());
            wait.until(d -> d.findElement(By.cssSelector(".VPHero .name")).isDisplayed());
            assertThat(driver.findElement(By.cssSelector(".VPHero .name")).getText())
                    .isEqualTo("JGI");
            assertThat(driver.findElements(By.cssSelector(".VPFeature"))).hasSizeGreaterThanOrEqualTo(3);
            browser.screenshot("site-home");

            driver.get(page("spec/jgi-1.0.html#JGI-BODY-3").toString());
            WebElement clause = wait.until(d -> d.findElement(By.id("JGI-BODY-3")));
            assertThat(clause.getText()).startsWith("JGI-BODY-3 (MUST, server, testable)");
            wait.until(d -> inView(d, clause));
            assertThat(clause.getCssValue("background-color"))
                    .as("the :target clause is highlighted")
                    .isNotEqualTo("rgba(0, 0, 0, 0)");
            browser.screenshot("site-spec-JGI-BODY-3");

            driver.get(page("guide/applications.html").toString());
            wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Getting started"));
            assertThat(driver.findElement(By.cssSelector(".vp-doc")).getText())
                    .contains("public final class Greeting implements Application")
                    .contains("TestServer.start(new Greeting())");
            browser.screenshot("site-guide-applications");
        }
    }

    @Test
    void theLocalSearchFindsASettingWithoutAnyExternalService() throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(page("index.html").toString());
            wait.until(d ->
                    d.findElement(By.cssSelector("button.DocSearch-Button")).isDisplayed());
            driver.findElement(By.cssSelector("button.DocSearch-Button")).click();
            WebElement input = wait.until(d -> d.findElement(By.cssSelector("input.search-input")));
            input.sendKeys("graceful-timeout");
            wait.until(d -> !d.findElements(By.cssSelector("ul.results li a")).isEmpty());
            assertThat(driver.findElements(By.cssSelector("ul.results li a")))
                    .extracting(a -> a.getAttribute("href"))
                    .anyMatch(href -> href.contains(BASE + "reference/server-settings.html"));
            browser.screenshot("site-search");
            input.sendKeys(Keys.ESCAPE);
        }
    }

    @Test
    void theServerReferenceListsEverySettingWithItsDefaultAndVariable() throws Exception {
        String html = get("reference/server-settings.html");
        for (Setting setting : ServerConfig.settings()) {
            assertThat(html)
                    .as(setting.name())
                    .contains("<code>--" + setting.name() + "</code>")
                    .contains("<code>JGI_"
                            + setting.name().toUpperCase(Locale.ROOT).replace('-', '_') + "</code>");
        }
    }

    @Test
    void conformancePagesShowTheVerdictsThisBuildProduced() throws Exception {
        Path root = Path.of(System.getProperty("jgi.root"));
        for (ConformancePages.Subject subject : ConformancePages.SUBJECTS) {
            String html = get("conformance/" + subject.page() + ".html");
            if (Files.isRegularFile(root.resolve(subject.json()))) {
                assertThat(html).as(subject.title()).containsPattern("<strong>(NOT )?CONFORMING</strong>");
                assertThat(html).contains("href=\"" + BASE + "spec/jgi-1.0.html#JGI-VER-1\"");
            } else {
                assertThat(html).as(subject.title()).contains("Not run by this build");
            }
        }
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(page(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static boolean inView(WebDriver driver, WebElement element) {
        Object inside = ((JavascriptExecutor) driver)
                .executeScript(
                        "const r = arguments[0].getBoundingClientRect();"
                                + "const nav = document.querySelector('.VPNav');"
                                + "const top = nav ? nav.getBoundingClientRect().bottom : 0;"
                                + "return r.top >= top && r.bottom <= window.innerHeight;",
                        element);
        return Boolean.TRUE.equals(inside);
    }
}
