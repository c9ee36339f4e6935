package dev.jgi.docs.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import dev.jgi.server.GatewayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The code of the application developers' guide (docs/guide/applications.md), compiled and run. */
class GreetingTest {

    // #region harness
    @Test
    void greetsByTheNameInThePath() throws Exception {
        try (TestServer server = TestServer.start(new Greeting())) {
            TestResponse response = server.send(TestRequest.get("/hello/Ada"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("Hello, Ada!\n");
            assertThat(server.send(TestRequest.get("/")).status()).isEqualTo(404);
            assertThat(server.send(TestRequest.post("/hello/Ada")).header("allow"))
                    .hasValue("GET, HEAD");
        }
    }
    // #endregion harness

    @Test
    void answersOverRealSocketsWhenEmbedded() throws Exception {
        // #region embedded
        try (GatewayServer server = GatewayServer.builder(new Greeting())
                        .bind("127.0.0.1", 0)
                        .build();
                HttpClient client = HttpClient.newHttpClient()) {
            server.start();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/hello/Grace");
            HttpResponse<String> response =
                    client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("Hello, Grace!\n");
        }
        // #endregion embedded
    }
}
