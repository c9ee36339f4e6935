package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Echo;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.OpenExchange;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.wire.ConnectionState;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Chapter 4 of the spec: the request body. */
class RequestBodyTests {

    @Http1Only("checks where the next HTTP/1.1 request starts on the connection")
    @ServerTest
    @Clause("JGI-BODY-1")
    void contentLengthBodyEndsAfterExactlyThatManyBytes(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            String first = probe.head("POST", "/cl", "Content-Length: 5") + "hello";
            String firstNonce = probe.nonce();
            String second = probe.head("GET", "/after");
            connection.send(first + second);
            RawResponse one = connection.readResponse();
            assertThat(one.bodyText())
                    .contains(firstNonce)
                    .contains("\"bodyLength\":5")
                    .contains("\"bodyHead\":\"hello\"");
            assertThat(probe.echo(connection.readResponse()).path()).isEqualTo("/after");
        }
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-BODY-10")
    void readsAfterTheEndOfTheBodyKeepReturningTheEnd(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("POST", "/eof", "Content-Length: 3") + "abc"))
                        .bodyError())
                .as("after a content-length body")
                .isEmpty();
        assertThat(probe.echo(probe.exchange(
                                probe.head("POST", "/eof", "Transfer-Encoding: chunked") + "3\r\nabc\r\n0\r\n\r\n"))
                        .bodyError())
                .as("after a chunked body")
                .isEmpty();
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/eof"))).bodyError())
                .as("after no body")
                .isEmpty();
    }

    @ServerTest
    @Clause("JGI-BODY-2")
    void chunkedBodyIsDecoded(Probe probe) {
        String request = probe.head("POST", "/chunked", "Transfer-Encoding: chunked")
                + "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        Echo echo = probe.echo(probe.exchange(request));
        assertThat(echo.bodyHead()).isEqualTo("hello world");
        assertThat(echo.bodyError()).isEmpty();
        assertThat(echo.header("x-trailer"))
                .as("trailers are not header fields")
                .isEmpty();
    }

    @ServerTest
    @Clause("JGI-BODY-3")
    @Clause("JGI-ASYNC-2")
    void requestWithoutBodyPresentsAnEmptyBody(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("POST", "/empty")));
        assertThat(echo.bodyLength()).isZero();
        assertThat(echo.bodyError()).isEmpty();
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (waits for the interim 100 between head and body)")
    @ServerTest
    @Clause("JGI-BODY-4")
    void continueIsSentWhenTheApplicationReads(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            connection.send(probe.head("POST", "/expect", "Content-Length: 4", "Expect: 100-continue"));
            Optional<RawResponse> interim = connection.readNextWithin("POST", Duration.ofSeconds(2));
            assertThat(interim).as("100 Continue before the body").isPresent();
            assertThat(interim.get().status()).isEqualTo(100);
            connection.send("data");
            assertThat(probe.echo(connection.readResponse("POST")).bodyHead()).isEqualTo("data");
        }
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (waits for the interim 100 between head and body)")
    @ServerTest
    @Clause("JGI-BODY-4")
    @Clause("JGI-BODY-5")
    void noContinueWhenTheApplicationAnswersWithoutReading(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            connection.send(
                    probe.head("POST", probe.path("/_tck/no-read"), "Content-Length: 4", "Expect: 100-continue"));
            RawResponse response = connection.readResponse("POST");
            assertThat(response.interim()).as("interim responses").isEmpty();
            assertThat(response.status()).isEqualTo(200);
        }
    }

    @Http1Only("a body parsed as the next request is an HTTP/1.1 framing fault; HTTP/2 frames each stream")
    @ServerTest
    @Clause("JGI-BODY-5")
    void unreadBodyIsNeverParsedAsTheNextRequest(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
            connection.send(
                    probe.head("POST", probe.path("/_tck/no-read"), "Content-Length: " + smuggled.length()) + smuggled);
            assertThat(connection.readResponse().bodyText()).isEqualTo("body not read");
            String next = probe.head("GET", "/next");
            ConnectionState state = connection.awaitState(Duration.ofMillis(200));
            if (state == ConnectionState.OPEN) {
                connection.send(next);
                assertThat(probe.echo(connection.readResponse()).path()).isEqualTo("/next");
            } else {
                assertThat(state).as("after an unread body: discard or close").isEqualTo(ConnectionState.CLOSED);
            }
        }
    }

    @Http1Only("Transfer-Encoding and Content-Length conflicts are HTTP/1.1 framing")
    @ServerTest
    @Clause("JGI-BODY-7")
    void ambiguousOrInvalidFramingIsAnswered400(Probe probe) {
        String[][] cases = {
            {"Content-Length: 5a"},
            {"Content-Length: +5"},
            {"Content-Length: 5", "Content-Length: 6"},
            {"Transfer-Encoding: xchunked"},
        };
        for (String[] lines : cases) {
            try (RawConnection connection = probe.connect()) {
                connection.send(probe.head("POST", "/framing", lines) + "0\r\n\r\n");
                RawResponse response = connection.readResponse("POST");
                boolean coding = lines[0].startsWith("Transfer-Encoding");
                assertThat(response.status())
                        .as(String.join(" + ", lines))
                        .isIn(coding ? List.of(400, 501) : List.of(400));
                assertThat(response.bodyText()).doesNotContain(probe.nonce());
            }
        }
    }

    @Http1Only("Transfer-Encoding is HTTP/1.1 framing; HTTP/2 forbids the field")
    @ServerTest
    @Clause("JGI-BODY-11")
    void contentLengthWithChunkedIsRefusedOrReadAsChunkedThenClosed(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            String chunked = "3\r\nabc\r\n0\r\n\r\n";
            connection.send(probe.head("POST", "/clte", "Content-Length: 5", "Transfer-Encoding: chunked") + chunked);
            RawResponse response = connection.readResponse("POST");
            if (response.status() != 400) {
                assertThat(probe.echo(response).bodyHead())
                        .as("body framed by the coding, not the length")
                        .isEqualTo("abc");
                assertThat(connection.awaitState(probe.timeout()))
                        .as("connection after the response")
                        .isEqualTo(ConnectionState.CLOSED);
            }
        }
    }

    @ServerTest
    @Clause("JGI-BODY-8")
    void clientLeavingMidBodyFailsTheRead(Probe probe) {
        if (probe.protocol() != Protocol.HTTP_1_1) {
            try (OpenExchange exchange = probe.begin(probe.head("POST", "/gone", "Content-Length: 10") + "12345")) {
                exchange.leave();
                assertBodyReadFailed(probe);
            }
            return;
        }
        try (RawConnection connection = probe.connect()) {
            connection
                    .send(probe.head("POST", "/gone", "Content-Length: 10") + "12345")
                    .halfClose();
            Optional<RawResponse> response = connection.tryReadResponse("POST");
            // RFC 9112 §8 lets the server answer an incomplete request with an error of its own.
            response.ifPresent(answer -> assertThat(answer.status())
                    .as("the application's echo of its failed read, or the server's 400 for an incomplete request")
                    .isIn(200, 400));
        }
        assertBodyReadFailed(probe);
    }

    /** What the probe's read of the cut body of the last request reported. */
    private static void assertBodyReadFailed(Probe probe) {
        List<String> errors = probe.log("body-error-" + probe.nonce(), 1);
        assertThat(errors)
                .as("what the application's read of the cut body reported")
                .singleElement()
                .asString()
                .containsAnyOf("ClientDisconnectedException", "disconnect before the last body event");
    }

    private static final String[] MALFORMED_CHUNKS = {
        "zz\r\nhello\r\n0\r\n\r\n", "5\r\nhelloXX\r\n0\r\n\r\n", " 5\r\nhello\r\n0\r\n\r\n"
    };

    @Http1Only("chunk syntax is HTTP/1.1 framing; HTTP/2 has none")
    @ServerTest
    @Clause("JGI-BODY-9")
    void malformedChunkingFailsTheReadAndIsNeverPassedOff(Probe probe) {
        for (String body : MALFORMED_CHUNKS) {
            String key = java.util.UUID.randomUUID().toString();
            try (RawConnection connection = probe.connect()) {
                connection.send(
                        probe.head("POST", "/badchunk", "Transfer-Encoding: chunked", "X-Tck-Read-Log: " + key) + body);
                Optional<RawResponse> response = connection.tryReadResponse("POST");
                if (response.isPresent()
                        && response.get().status() == 200
                        && response.get().complete()) {
                    assertThat(probe.echo(response.get()).bodyError())
                            .as("the read of %s", body.replace("\r\n", "\\r\\n"))
                            .isPresent();
                }
            }
            // The server's own 400 may replace the echo, so the read's outcome is checked in the probe's log too.
            assertThat(probe.log(key, 1))
                    .as("what the application's read of %s reported", body.replace("\r\n", "\\r\\n"))
                    .singleElement()
                    .asString()
                    .startsWith("failed: ");
        }
    }

    @Http1Only("chunk syntax is HTTP/1.1 framing; HTTP/2 has none")
    @ServerTest
    @Clause("JGI-BODY-12")
    void malformedChunkSizeIsAnswered400(Probe probe) {
        for (String body : MALFORMED_CHUNKS) {
            try (RawConnection connection = probe.connect()) {
                connection.send(probe.head("POST", "/badchunk", "Transfer-Encoding: chunked") + body);
                assertThat(connection.tryReadResponse("POST"))
                        .as(body.replace("\r\n", "\\r\\n"))
                        .map(RawResponse::status)
                        .contains(400);
            }
        }
    }

    @Http1Only("not yet ported to HTTP/2: drives its own HTTP/1.1 connection (sends chunks with pauses between them)")
    @ServerTest({Variant.ASYNC})
    @Clause("JGI-ASYNC-1")
    @Clause("JGI-ASYNC-6")
    void slowChunkedBodyArrivesInOrderAsEvents(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            connection.send(probe.head("POST", "/slow", "Transfer-Encoding: chunked"));
            for (String piece : new String[] {"3\r\nabc\r\n", "3\r\ndef\r\n", "3\r\nghi\r\n", "0\r\n\r\n"}) {
                connection.send(piece);
                sleep(30);
            }
            Echo echo = probe.echo(connection.readResponse("POST"));
            assertThat(echo.bodyHead()).isEqualTo("abcdefghi");
            assertThat(echo.bodyError()).isEmpty();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
