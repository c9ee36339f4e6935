package dev.jgi.servlet.embedded;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.servlet.JgiServlet;
import dev.jgi.tck.wire.ConnectionState;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An async application behind the bridge, over real sockets, on each container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncBridgeTest {

    @RegisterExtension
    final EachContainer<AsyncProbe> containers = new EachContainer<>(AsyncProbe::new, JgiServlet::new, "");

    private InetSocketAddress at(Container container) {
        return containers.at(container);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void anEmptyMountGivesTheWholePath(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/a/b").bodyText()).isEqualTo("path=/a/b\nmountPath=\n");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aRequestWithoutBodyGivesOneEmptyLastPiece(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/echo").bodyText()).isEqualTo("0 bytes in 1 events");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aBodySentLaterArrivesWholeInPieces(Container container) throws Exception {
        try (RawConnection wire = RawHttp.connect(at(container))) {
            wire.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000\r\nConnection: close\r\n\r\n");
            Thread.sleep(100);
            wire.send("y".repeat(100_000));
            Thread.sleep(100);
            wire.send("y".repeat(200_000));
            RawResponse reply = wire.readResponse("POST");

            assertThat(reply.bodyText()).startsWith("300000 bytes in ");
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aSendCompletesOnlyWhenTheContainerTookTheBytes(Container container) throws Exception {
        AsyncProbe app = containers.app(container);
        app.bigSent.set(0);
        try (RawConnection wire = RawHttp.connect(at(container))) {
            wire.send("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Thread.sleep(1_000);
            int sentWhileStalled = app.bigSent.get();
            long total = wire.drain(RawHttp.TIMEOUT).length;

            assertThat(sentWhileStalled)
                    .as("sends completed while the client read nothing")
                    .isLessThan(AsyncProbe.PIECES / 4);
            assertThat(app.bigSent.get()).isEqualTo(AsyncProbe.PIECES);
            assertThat(total).isGreaterThan((long) AsyncProbe.PIECES * AsyncProbe.PIECE);
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aStageThatEndsBeforeTheResponseIs500(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/early-end").status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aFailureAfterCommitLeavesTheChunkedBodyUnterminated(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/fail-after-commit");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bodyText()).isEqualTo("partial");
        assertThat(reply.complete()).as("the client must see the abort").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aBodyBeforeTheStartFailsItsStageWithTheClause(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/out-of-order").bodyText())
                .startsWith("java.lang.IllegalStateException: [JGI-ASYNC-3]");
    }

    /** The application swallows the refusal and never ends: the bridge answers for it at once. */
    @ParameterizedTest
    @EnumSource(Container.class)
    void aStartWithAHopByHopFieldFailsTheExchangeWith500(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/hop-by-hop").status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aBodyShorterThanItsContentLengthFailsTheExchangeWith500(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/short-body").status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void earlyHintsAreRefusedAsUndeclared(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/hints").bodyText())
                .startsWith("java.lang.IllegalStateException: [JGI-CAP-5]");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void trailersFollowTheBody(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/trailers");

        assertThat(reply.bodyText()).isEqualTo("with trailers");
        assertThat(reply.trailers()).anySatisfy(field -> {
            assertThat(field.name()).isEqualToIgnoringCase("x-sum");
            assertThat(field.value()).isEqualTo("42");
        });
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aReceiveAfterTheResponseYieldsDisconnect(Container container) throws Exception {
        AsyncProbe app = containers.app(container);
        app.events.clear();

        assertThat(RawHttp.get(at(container), "/after").bodyText()).isEqualTo("done");
        eventually(() -> assertThat(app.events).isNotEmpty());
        assertThat(app.events).containsExactly("after response: Disconnect");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void noContinueIsSentWhenTheApplicationAnswersWithoutReceiving(Container container) throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "POST /unread HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: 4\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.interim()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void continueIsSentOnTheFirstReceive(Container container) throws IOException {
        try (RawConnection wire = RawHttp.connect(at(container))) {
            wire.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(wire.readNextWithin("POST", RawHttp.TIMEOUT))
                    .map(RawResponse::status)
                    .contains(100);
            wire.send("abcd");
            assertThat(wire.readResponse("POST").bodyText()).startsWith("4 bytes in ");
        }
    }

    /** Tomcat cannot always: see {@link #onTomcatAMalformedChunkGets400OrAClosedConnectionNeverTheApplicationsAnswer}. */
    @ParameterizedTest
    @EnumSource(value = Container.class, names = "JETTY")
    void aMalformedChunkFailsTheReceiveAndIsAnswered400(Container container) throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");

        assertThat(reply.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void eachBodyPieceReachesTheClientBeforeTheNext(Container container) throws Exception {
        AsyncProbe app = containers.app(container);
        try (RawConnection wire = RawHttp.connect(at(container))) {
            wire.send("GET /gated HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(wire.readUntil("part1", RawHttp.TIMEOUT))
                    .as("part1 arrives while the application holds part2")
                    .contains("part1");
            app.gate.complete(null);
            assertThat(new String(wire.drain(RawHttp.TIMEOUT), StandardCharsets.ISO_8859_1))
                    .contains("part2");
        }
    }

    /**
     * The limit listed for JGI-BODY-9 in docs/tck/tomcat-report.md: Tomcat sends its own 400 or, when
     * its error handling wins the race with the bridge's, closes the connection without a response.
     */
    @ParameterizedTest
    @EnumSource(value = Container.class, names = "TOMCAT")
    void onTomcatAMalformedChunkGets400OrAClosedConnectionNeverTheApplicationsAnswer(Container container)
            throws IOException {
        try (RawConnection wire = RawHttp.connect(at(container))) {
            wire.send(
                    "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
            Optional<RawResponse> answer = wire.tryReadResponse("POST");

            if (answer.isPresent()) {
                assertThat(answer.get().status()).isEqualTo(400);
            } else {
                assertThat(wire.awaitState(Duration.ofMillis(1))).isIn(ConnectionState.CLOSED, ConnectionState.RESET);
            }
        }
    }
}
