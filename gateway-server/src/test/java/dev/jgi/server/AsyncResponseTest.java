package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AsyncResponseTest {

    private static final AsyncApplication HELLO = (request, channel) -> channel.send(
                    new Action.ResponseStart(200, Headers.of("content-type", "text/plain"), false))
            .thenCompose(sent -> channel.send(
                    new Action.ResponseBody(ByteBuffer.wrap("Hello, async".getBytes(StandardCharsets.UTF_8)), false)));

    @Test
    void asyncAppAnswersWithAContentLengthWhenTheBodyIsOnePiece() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quietAsync(HELLO))) {
            HttpResponse<String> response = Servers.get(server, "/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello, async");
            assertThat(response.headers().firstValue("content-length")).hasValue("12");
        }
    }

    @Test
    void asyncAppReadsTheWholeBodyAsEvents() throws Exception {
        AsyncApplication echo = (request, channel) -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            return readAll(channel, body)
                    .thenCompose(done -> channel.send(new Action.ResponseStart(200, Headers.of(), false))
                            .thenCompose(sent ->
                                    channel.send(new Action.ResponseBody(ByteBuffer.wrap(body.toByteArray()), false))));
        };
        try (GatewayServer server = Servers.started(Servers.quietAsync(echo))) {
            byte[] payload = "y".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
            HttpResponse<byte[]> response = Servers.CLIENT.send(
                    HttpRequest.newBuilder(Servers.uri(server, "/"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.body()).isEqualTo(payload);
        }
    }

    @Test
    void asyncStageThatEndsBeforeTheResponseYields500() throws Exception {
        AsyncApplication lazy = (request, channel) -> CompletableFuture.completedFuture(null);
        try (GatewayServer server = Servers.started(Servers.quietAsync(lazy))) {
            assertThat(Servers.get(server, "/").statusCode()).isEqualTo(500);
        }
    }

    @Test
    void bodyPieceBeforeTheStartFailsItsStage() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        AsyncApplication early =
                (request, channel) -> channel.send(new Action.ResponseBody(ByteBuffer.allocate(1), false))
                        .handle((ok, failure) -> refused.complete(failure))
                        .thenCompose(x -> channel.send(new Action.ResponseStart(204, Headers.of(), false)))
                        .thenCompose(x -> channel.send(Action.ResponseBody.end()));
        try (GatewayServer server = Servers.started(Servers.quietAsync(early))) {
            assertThat(Servers.get(server, "/").statusCode()).isEqualTo(204);
            assertThat(refused.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("JGI-ASYNC-3");
        }
    }

    private static CompletionStage<Void> readAll(dev.jgi.api.Channel channel, ByteArrayOutputStream into) {
        return channel.receive().thenCompose(event -> {
            Event.RequestBody piece = (Event.RequestBody) event;
            ByteBuffer data = piece.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            into.writeBytes(bytes);
            return piece.last() ? CompletableFuture.completedFuture(null) : readAll(channel, into);
        });
    }
}
