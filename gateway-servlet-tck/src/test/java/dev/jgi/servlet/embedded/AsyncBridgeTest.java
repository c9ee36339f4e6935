package dev.jgi.servlet.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.servlet.JgiServlet;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An async application behind the bridge, over real sockets, on each container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncBridgeTest {

    private EachContainer<AsyncProbe> containers;

    @BeforeAll
    void startContainers() throws Exception {
        containers = EachContainer.start(AsyncProbe::new, JgiServlet::new, "");
    }

    @AfterAll
    void stopContainers() throws Exception {
        containers.close();
    }

    private InetSocketAddress at(Container container) {
        return containers.at(container);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void anEmptyMountGivesTheWholePath(Container container) throws IOException {
        assertThat(Wire.get(at(container), "/a/b").body()).isEqualTo("path=/a/b\nmountPath=\n");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aRequestWithoutBodyGivesOneEmptyLastPiece(Container container) throws IOException {
        assertThat(Wire.get(at(container), "/echo").body()).isEqualTo("0 bytes in 1 events");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aBodySentLaterArrivesWholeInPieces(Container container) throws Exception {
        try (Wire wire = new Wire(at(container))) {
            wire.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 300000\r\nConnection: close\r\n\r\n");
            Thread.sleep(100);
            wire.send("y".repeat(100_000));
            Thread.sleep(100);
            wire.send("y".repeat(200_000));
            Wire.Reply reply = wire.read(false);

            assertThat(reply.body()).startsWith("300000 bytes in ");
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aSendCompletesOnlyWhenTheContainerTookTheBytes(Container container) throws Exception {
        AsyncProbe app = containers.app(container);
        app.bigSent.set(0);
        try (Wire wire = new Wire(at(container))) {
            wire.send("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Thread.sleep(1_000);
            int sentWhileStalled = app.bigSent.get();
            InputStream in = wire.input();
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }

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
        assertThat(Wire.get(at(container), "/early-end").status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aFailureAfterCommitLeavesTheChunkedBodyUnterminated(Container container) throws IOException {
        Wire.Reply reply = Wire.get(at(container), "/fail-after-commit");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("partial");
        assertThat(reply.complete()).as("the client must see the abort").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aBodyBeforeTheStartFailsItsStageWithTheClause(Container container) throws IOException {
        assertThat(Wire.get(at(container), "/out-of-order").body())
                .startsWith("java.lang.IllegalStateException: [JGI-ASYNC-3]");
    }

    /** The application swallows the refusal and never ends: the bridge answers for it at once. */
    @ParameterizedTest
    @EnumSource(Container.class)
    void aStartWithAHopByHopFieldFailsTheExchangeWith500(Container container) throws IOException {
        assertThat(Wire.get(at(container), "/hop-by-hop").status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aBodyShorterThanItsContentLengthFailsTheExchangeWith500(Container container) throws IOException {
        assertThat(Wire.get(at(container), "/short-body").status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void earlyHintsAreRefusedAsUndeclared(Container container) throws IOException {
        assertThat(Wire.get(at(container), "/hints").body()).startsWith("java.lang.IllegalStateException: [JGI-CAP-5]");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void trailersFollowTheBody(Container container) throws IOException {
        Wire.Reply reply = Wire.get(at(container), "/trailers");

        assertThat(reply.body()).isEqualTo("with trailers");
        assertThat(reply.trailers()).containsEntry("x-sum", "42");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aReceiveAfterTheResponseYieldsDisconnect(Container container) throws Exception {
        AsyncProbe app = containers.app(container);
        app.events.clear();

        assertThat(Wire.get(at(container), "/after").body()).isEqualTo("done");
        Eventually.until(() -> !app.events.isEmpty());
        assertThat(app.events).containsExactly("after response: Disconnect");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void noContinueIsSentWhenTheApplicationAnswersWithoutReceiving(Container container) throws IOException {
        Wire.Reply reply = Wire.exchange(
                at(container),
                "POST /unread HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: 4\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.interim()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void continueIsSentOnTheFirstReceive(Container container) throws IOException {
        try (Wire wire = new Wire(at(container))) {
            wire.send("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(wire.readHead()).startsWith("HTTP/1.1 100");
            wire.send("abcd");
            assertThat(wire.read(false).body()).startsWith("4 bytes in ");
        }
    }

    /** Tomcat cannot always: see {@link #onTomcatAMalformedChunkGets400OrAClosedConnectionNeverTheApplicationsAnswer}. */
    @ParameterizedTest
    @EnumSource(value = Container.class, names = "JETTY")
    void aMalformedChunkFailsTheReceiveAndIsAnswered400(Container container) throws IOException {
        Wire.Reply reply = Wire.exchange(
                at(container),
                "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");

        assertThat(reply.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void eachBodyPieceReachesTheClientBeforeTheNext(Container container) throws Exception {
        AsyncProbe app = containers.app(container);
        try (Wire wire = new Wire(at(container))) {
            wire.send("GET /gated HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            String seen = "";
            while (!seen.contains("part1")) {
                byte[] some = new byte[256];
                int n = wire.input().read(some);
                assertThat(n)
                        .as("part1 arrives while the application holds part2")
                        .isPositive();
                seen += new String(some, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            app.gate.complete(null);
            assertThat(new String(wire.input().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
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
        try (Wire wire = new Wire(at(container))) {
            wire.send(
                    "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
            String head = new String(wire.input().readNBytes(12), java.nio.charset.StandardCharsets.ISO_8859_1);

            assertThat(head).isIn("", "HTTP/1.1 400");
        }
    }
}
