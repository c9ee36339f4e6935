package dev.jgi.samples.jaxrs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Event;
import dev.jgi.harness.Communicator;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import dev.jgi.jaxrs.JerseyApplication;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The suite in process: the harness is the server, REST Assured talks to it without a socket. */
class LibraryInHarnessTest extends LibrarySuite {

    private static TestServer server;
    private static RestAssuredConfig config;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.startAsync(new JerseyApplication(new Library(TOKEN)));
        config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpClientFactory(() -> new HarnessHttpClient(server)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /**
     * The leave-detection target where the transport reports a gone client while the application
     * waits: each of {@value FeedLeaves#CLIENTS} feeds is closed within {@link FeedLeaves#TARGET} of
     * its client's {@code Disconnect}, with nothing written to it.
     */
    @Test
    void everyFeedWhoseClientLeftIsClosedWithinASecond() throws Exception {
        Duration wait = Duration.ofSeconds(10);
        int before = openFeeds();
        List<Communicator> feeds = new ArrayList<>();
        for (int i = 0; i < FeedLeaves.CLIENTS; i++) {
            Communicator feed = server.open(TestRequest.get("/books/feed"));
            feed.sendBody(new byte[0], true);
            feed.receive(Action.ResponseStart.class, wait);
            assertThat(StandardCharsets.UTF_8
                            .decode(feed.receive(Action.ResponseBody.class, wait)
                                    .data())
                            .toString())
                    .startsWith("event: welcome");
            feeds.add(feed);
        }
        assertThat(openFeeds()).isEqualTo(before + FeedLeaves.CLIENTS);
        long left = System.nanoTime();
        feeds.forEach(feed -> feed.send(new Event.Disconnect()));
        for (Communicator feed : feeds) {
            feed.awaitEnd(wait);
        }
        assertThat(openFeeds()).isEqualTo(before);
        assertThat(Duration.ofNanos(System.nanoTime() - left)).isLessThanOrEqualTo(FeedLeaves.TARGET);
    }

    private int openFeeds() {
        return client().get("/books/feed/open").then().extract().path("open");
    }

    @Override
    RequestSpecification client() {
        return given().config(config).baseUri("http://localhost").port(80);
    }
}
