package dev.jgi.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.samples.testing.Browser;
import dev.jgi.testing.JgiProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Two pages of one room in headless Chromium, served by {@code bin/jgi serve chat.jar}: a message crosses. */
class ChatInBrowserIT {

    private static JgiProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = JgiProcess.serve(Path.of("target/chat.jar"), Path.of("target"), Map.of("CHAT_HEARTBEAT_SECONDS", "1"));
        try (HttpClient client = HttpClient.newHttpClient()) {
            int status = client.send(
                            HttpRequest.newBuilder(server.uri("/static/js/chat.js"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(status).as("bin/jgi serves the app jar's static/ assets").isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void messageCrossesBetweenTwoPagesOverWebSocket() throws Exception {
        crossBetweenTwoPages(server::uri, "/rooms/browser-ws", "websocket");
    }

    @Test
    void messageCrossesBetweenTwoPagesOverServerSentEvents() throws Exception {
        crossBetweenTwoPages(server::uri, "/rooms/browser-sse?transport=sse", "sse");
    }

    /** Opens {@code path} in two tabs, sends from the first and waits for the message in the second. */
    static void crossBetweenTwoPages(Function<String, URI> server, String path, String transport) throws Exception {
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            driver.get(server.apply(path).toString());
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-connected", transport));
            String first = driver.getWindowHandle();
            driver.switchTo().newWindow(WindowType.TAB);
            driver.get(server.apply(path).toString());
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-connected", transport));
            String second = driver.getWindowHandle();

            driver.switchTo().window(first);
            String text = "hello over " + transport;
            driver.findElement(By.id("name")).sendKeys("Ada");
            driver.findElement(By.id("text")).sendKeys(text);
            driver.findElement(By.cssSelector("#send button")).click();

            driver.switchTo().window(second);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Ada: " + text));
            assertThat(driver.findElement(By.id("messages")).getText()).contains("Ada: " + text);
            assertThat(driver.findElement(By.tagName("header")).getCssValue("background-color"))
                    .as("chat.css applied")
                    .isEqualTo("rgba(43, 74, 203, 1)");
            browser.screenshot("chat-" + transport);
        }
    }
}
