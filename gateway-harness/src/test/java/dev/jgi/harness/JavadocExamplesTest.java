package dev.jgi.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The code examples the harness's javadoc shows; run as tests so they cannot rot. */
class JavadocExamplesTest {

    private static final Application APP = (request, exchange) -> Response.text(200, "cart of " + request.path());
    private static final AsyncApplication CHAT = (request, channel) -> channel.receive()
            .thenCompose(connect -> channel.send(new Action.WebSocketAccept(Optional.of("chat.v1"), Headers.of())))
            .thenCompose(accepted -> channel.receive())
            .thenCompose(text -> channel.send(new Action.WebSocketSendText(((Event.WebSocketText) text).text())))
            .thenCompose(sent -> channel.receive())
            .thenAccept(close -> {});

    @Test
    void sendOneRequest() throws Exception {
        // @start region="send"
        try (TestServer server =
                TestServer.start(APP, TestServer.Options.defaults().withMount("/shop"))) {
            TestResponse response = server.send(TestRequest.post("/shop/cart?x=1")
                    .header("content-type", "text/plain")
                    .body("two apples"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("cart of /cart");
        }
        // @end
    }

    @Test
    void talkToAWebSocketApplication() throws Exception {
        Duration wait = Duration.ofSeconds(5);
        // @start region="communicator"
        try (TestServer server = TestServer.startAsync(CHAT);
                Communicator ws = server.open(TestRequest.websocket("/chat", "chat.v1"))) {
            ws.send(new Event.WebSocketConnect());
            ws.receive(Action.WebSocketAccept.class, wait);
            ws.sendText("hi");
            assertThat(ws.receiveText(wait)).isEqualTo("hi");
            ws.send(new Event.WebSocketClose(1000, "bye"));
            assertThat(ws.awaitEnd(wait).status()).isEqualTo(101);
        }
        // @end
    }
}
