package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import org.junit.jupiter.api.Test;

/** The app under the harness, which plays the server's part of the contract in process. */
class AppTest {

    @Test
    void servesItsPage() throws Exception {
        try (TestServer server = TestServer.start(new App())) {
            TestResponse page = server.send(TestRequest.get("/"));
            assertEquals(200, page.status());
            assertTrue(page.text().contains("runs on JGI"));
            assertEquals(404, server.send(TestRequest.get("/nothing")).status());
        }
    }
}
