package dev.jgi.samples.jaxrs;

import static io.restassured.RestAssured.given;

import dev.jgi.harness.TestServer;
import dev.jgi.jaxrs.JerseyApplication;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The suite in process: the harness is the server, REST Assured talks to it without a socket. */
class LibraryInHarnessTest extends LibrarySuite {

    private static TestServer server;
    private static RestAssuredConfig config;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(new JerseyApplication(new Library(TOKEN)));
        config = RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpClientFactory(() -> new HarnessHttpClient(server)));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Override
    RequestSpecification client() {
        return given().config(config).baseUri("http://localhost").port(80);
    }
}
