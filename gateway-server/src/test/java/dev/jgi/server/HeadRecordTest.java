package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.testing.RawHttp;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Each request sees its own head, whatever came before it on the connection or the server [JGI-HDR-2]. */
class HeadRecordTest {

    private static final Application SYNC = (request, exchange) -> {
        byte[] body = exchange.body().readAllBytes();
        int again = exchange.body().read();
        return Response.text(200, request.header("x-nonce").orElse("none") + " " + body.length + " " + again);
    };

    private static final AsyncApplication ASYNC = (request, channel) -> drain(channel, 0)
            .thenCompose(length -> channel.send(new Action.ResponseStart(200, Headers.of(), false))
                    .thenCompose(x -> channel.send(new Action.ResponseBody(
                            ByteBuffer.wrap((request.header("x-nonce").orElse("none") + " " + length)
                                    .getBytes(StandardCharsets.UTF_8)),
                            false))));

    private static CompletionStage<Integer> drain(dev.jgi.api.Channel channel, int sofar) {
        return channel.receive().thenCompose(event -> {
            Event.RequestBody piece = (Event.RequestBody) event;
            int length = sofar + piece.data().remaining();
            return piece.last() ? CompletableFuture.completedFuture(length) : drain(channel, length);
        });
    }

    private static void checkSequence(GatewayServer server) throws Exception {
        for (String body : new String[] {
            "Content-Length: 3\r\n\r\nabc", "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", "\r\n"
        }) {
            String nonce = UUID.randomUUID().toString();
            String answer = RawHttp.received(
                    server.port(),
                    "POST /eof HTTP/1.1\r\nHost: x\r\nx-nonce: " + nonce + "\r\nConnection: close\r\n" + body);
            assertThat(answer).startsWith("HTTP/1.1 200").contains(nonce);
        }
    }

    @Test
    void syncRequestsOnFreshConnectionsSeeTheirOwnFields() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(SYNC))) {
            checkSequence(server);
        }
    }

    @Test
    void asyncRequestsOnFreshConnectionsSeeTheirOwnFields() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quietAsync(ASYNC))) {
            checkSequence(server);
        }
    }

    @Test
    void keptAliveConnectionRecordsEveryHead() throws Exception {
        try (GatewayServer server = Servers.started(Servers.quiet(SYNC))) {
            String answer = RawHttp.received(
                    server.port(),
                    "POST /a HTTP/1.1\r\nHost: x\r\nx-nonce: one\r\nContent-Length: 3\r\n\r\nabc"
                            + "POST /a HTTP/1.1\r\nHost: x\r\nx-nonce: two\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: t\r\n\r\n"
                            + "GET /a HTTP/1.1\r\nHost: x\r\nx-nonce: three\r\nConnection: close\r\n\r\n");
            assertThat(answer).contains("one 3 -1").contains("two 3 -1").contains("three 0 -1");
        }
    }
}
