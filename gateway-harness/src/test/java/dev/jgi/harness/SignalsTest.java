package dev.jgi.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The disconnect [JGI-DISC-6] [JGI-DISC-7] and drain [JGI-LIFE-9] signals of the harness. */
class SignalsTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Streams "started", then ends its body on either signal; records the signals it heard. */
    private static AsyncApplication stream(List<String> heard) {
        return (request, channel) -> {
            CompletableFuture<Void> drained = new CompletableFuture<>();
            channel.onDisconnect(() -> {
                heard.add("disconnect");
                drained.complete(null);
            });
            channel.onDrain(() -> {
                heard.add("drain");
                drained.complete(null);
            });
            return channel.send(new Action.ResponseStart(200, Headers.of("content-type", "text/event-stream"), false))
                    .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("started"), true)))
                    .thenCompose(x -> drained)
                    .thenCompose(x -> channel.send(new Action.ResponseBody(ascii("bye"), false)));
        };
    }

    @Test
    void aClientThatLeavesRunsTheDisconnectCallbackOnce() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.startAsync(stream(heard));
                Communicator client = server.open(TestRequest.get("/events"))) {
            client.receive(Action.ResponseStart.class, WAIT);
            client.receive(Action.ResponseBody.class, WAIT);
            assertThat(heard).isEmpty();
            client.send(new Event.Disconnect());
            client.send(new Event.Disconnect());
            assertThat(heard).containsExactly("disconnect");
        }
    }

    @Test
    void aDrainEndsTheStreamCleanlyAndALaterLeaveRunsNoCallback() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.startAsync(stream(heard));
                Communicator client = server.open(TestRequest.get("/events"))) {
            client.receive(Action.ResponseStart.class, WAIT);
            client.receive(Action.ResponseBody.class, WAIT);
            server.drain();
            Action.ResponseBody last = client.receive(Action.ResponseBody.class, WAIT);
            assertThat(last.more()).isFalse();
            assertThat(client.awaitEnd(WAIT).failure()).isEmpty();
            client.send(new Event.Disconnect());
            assertThat(heard).containsExactly("drain");
        }
    }

    @Test
    void anExchangeStartedDuringTheDrainHearsItAtOnce() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.start((request, exchange) -> {
            exchange.onDrain(() -> heard.add("drain"));
            return Response.text(200, "ok");
        })) {
            assertThat(server.send(TestRequest.get("/")).text()).isEqualTo("ok");
            assertThat(heard).isEmpty();
            server.drain();
            assertThat(server.send(TestRequest.get("/")).text()).isEqualTo("ok");
            assertThat(heard).containsExactly("drain");
        }
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
