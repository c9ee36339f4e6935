package dev.jgi.docs.guide.authors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.Channel;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A JSON body read under a size limit: 201 with the name it held, 413 over the limit, 400 when malformed. */
final class JsonBodies {

    static final int LIMIT = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {}

    static Application sync() {
        // #region json-sync
        Application createUser = (request, exchange) -> {
            exchange.limitBody(LIMIT);
            JsonNode user;
            try (InputStream body = exchange.body()) {
                user = JSON.readTree(body);
            } catch (BodyTooLargeException tooLarge) {
                return Response.json(413, "{\"error\":\"the body holds more than 16 KiB\"}");
            } catch (JsonProcessingException malformed) {
                return Response.json(400, "{\"error\":\"the body is not JSON\"}");
            }
            return Response.json(201, JSON.writeValueAsString(user.path("name")));
        };
        // #endregion json-sync
        return createUser;
    }

    static AsyncApplication async() {
        // #region json-async
        AsyncApplication createUser = (request, channel) -> {
            if (request.bodyLength().orElse(0) > LIMIT) {
                return reply(channel, 413, "{\"error\":\"the body holds more than 16 KiB\"}");
            }
            return readUpTo(channel, new ByteArrayOutputStream(), LIMIT).thenCompose(body -> {
                if (body.isEmpty()) {
                    return reply(channel, 413, "{\"error\":\"the body holds more than 16 KiB\"}");
                }
                try {
                    return reply(
                            channel,
                            201,
                            JSON.writeValueAsString(JSON.readTree(body.get()).path("name")));
                } catch (IOException malformed) {
                    return reply(channel, 400, "{\"error\":\"the body is not JSON\"}");
                }
            });
        };
        // #endregion json-async
        return createUser;
    }

    // #region json-async-helpers
    /** The whole body, or empty once it grows past {@code limit}. */
    private static CompletionStage<Optional<byte[]>> readUpTo(Channel channel, ByteArrayOutputStream body, int limit) {
        return channel.receive().thenCompose(event -> {
            if (!(event instanceof Event.RequestBody piece)) {
                return CompletableFuture.failedFuture(new IllegalStateException("the client left"));
            }
            if (body.size() + piece.data().remaining() > limit) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            byte[] bytes = new byte[piece.data().remaining()];
            piece.data().get(bytes);
            body.writeBytes(bytes);
            return piece.last()
                    ? CompletableFuture.completedFuture(Optional.of(body.toByteArray()))
                    : readUpTo(channel, body, limit);
        });
    }

    private static CompletionStage<Void> reply(Channel channel, int status, String json) {
        return channel.send(new Action.ResponseStart(status, Headers.of("content-type", "application/json"), false))
                .thenCompose(started -> channel.send(
                        new Action.ResponseBody(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), false)));
    }
    // #endregion json-async-helpers
}
