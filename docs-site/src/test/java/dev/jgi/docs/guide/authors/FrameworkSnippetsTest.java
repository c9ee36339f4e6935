package dev.jgi.docs.guide.authors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Event;
import dev.jgi.harness.Communicator;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the snippets of docs/guide/framework-authors.md, sync and async, in the harness: the page
 * includes its code from these classes, so what it shows is what passes here.
 */
@Timeout(30)
class FrameworkSnippetsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void downloadsAnswerARangeWith206AndTheWholeFileWith200() throws Exception {
        Path file = Files.writeString(dir.resolve("digits.txt"), "0123456789");
        try (TestServer sync = TestServer.start(Downloads.sync(file));
                TestServer async = TestServer.startAsync(Downloads.async(file))) {
            for (TestServer server : new TestServer[] {sync, async}) {
                TestResponse part = server.send(TestRequest.get("/digits.txt").header("range", "bytes=2-4"));
                assertThat(part.status()).isEqualTo(206);
                assertThat(part.text()).isEqualTo("234");
                assertThat(part.header("content-range")).contains("bytes 2-4/10");
                TestResponse suffix = server.send(TestRequest.get("/digits.txt").header("range", "bytes=-3"));
                assertThat(suffix.text()).isEqualTo("789");
                TestResponse whole = server.send(TestRequest.get("/digits.txt").header("range", "bytes=20-"));
                assertThat(whole.status()).isEqualTo(200);
                assertThat(whole.text()).isEqualTo("0123456789");
            }
        }
    }

    @Test
    void eventStreamsStopWhenTheClientLeaves() throws Exception {
        CountDownLatch stopped = new CountDownLatch(2);
        try (TestServer sync = TestServer.start(Events.sync(stopped::countDown));
                TestServer async = TestServer.startAsync(Events.async(stopped::countDown))) {
            for (TestServer server : new TestServer[] {sync, async}) {
                TestResponse response = server.send(TestRequest.get("/events").clientLeavesAfterResponseBytes(40));
                assertThat(response.header("content-type")).contains("text/event-stream");
                assertThat(response.text()).startsWith("data: tick 0\n\ndata: tick 1\n\n");
            }
            assertThat(stopped.await(5, TimeUnit.SECONDS))
                    .as("both feeds stopped")
                    .isTrue();
        }
    }

    @Test
    void jsonBodiesAreReadUnderTheLimit() throws Exception {
        try (TestServer sync = TestServer.start(JsonBodies.sync());
                TestServer async = TestServer.startAsync(JsonBodies.async())) {
            for (TestServer server : new TestServer[] {sync, async}) {
                assertThat(server.send(TestRequest.post("/users").body("{\"name\":\"Ada\"}"))
                                .text())
                        .isEqualTo("\"Ada\"");
                assertThat(server.send(TestRequest.post("/users").body("{\"name\":"))
                                .status())
                        .isEqualTo(400);
                String big = "{\"name\":\"" + "a".repeat(JsonBodies.LIMIT) + "\"}";
                assertThat(server.send(TestRequest.post("/users").body(big)).status())
                        .isEqualTo(413);
                byte[] half = big.substring(0, big.length() / 2).getBytes(StandardCharsets.UTF_8);
                byte[] rest = big.substring(big.length() / 2).getBytes(StandardCharsets.UTF_8);
                assertThat(server.send(TestRequest.post("/users").bodyPieces(half, rest))
                                .status())
                        .as("a chunked body over the limit")
                        .isEqualTo(413);
            }
        }
    }

    @Test
    void webSocketEchoesTextUntilTheClose() throws Exception {
        try (TestServer sync = TestServer.start(WebSocketEcho.sync());
                TestServer async = TestServer.startAsync(WebSocketEcho.async())) {
            for (TestServer server : new TestServer[] {sync, async}) {
                try (Communicator ws = server.open(TestRequest.websocket("/echo"))) {
                    ws.send(new Event.WebSocketConnect());
                    ws.receive(Action.WebSocketAccept.class, WAIT);
                    ws.sendText("hello");
                    assertThat(ws.receiveText(WAIT)).isEqualTo("hello");
                    ws.send(new Event.WebSocketClose(1000, ""));
                    assertThat(ws.awaitEnd(WAIT).status()).isEqualTo(101);
                }
                assertThat(server.send(TestRequest.get("/echo")).status()).isEqualTo(426);
            }
        }
    }
}
