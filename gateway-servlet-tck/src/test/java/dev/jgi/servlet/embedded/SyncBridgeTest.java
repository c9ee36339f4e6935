package dev.jgi.servlet.embedded;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.servlet.JgiServlet;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A sync application behind the bridge, over real sockets, on each container. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncBridgeTest {

    @RegisterExtension
    final EachContainer<SyncProbe> containers = new EachContainer<>(SyncProbe::new, JgiServlet::new, "/mnt");

    private InetSocketAddress at(Container container) {
        return containers.at(container);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void requestHeadCarriesTheMountTheDecodedPathAndTheRawTarget(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/mnt/a%20b/c%2Fd/./e/../f%25?x=%20&y");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bodyText())
                .contains(
                        "method=GET\n",
                        "scheme=http\n",
                        "version=HTTP/1.1\n",
                        "raw=/mnt/a%20b/c%2Fd/./e/../f%25?x=%20&y\n",
                        "rawPath=/mnt/a%20b/c%2Fd/./e/../f%25\n",
                        "mountPath=/mnt\n",
                        "path=/a b/c%2Fd/f%25\n",
                        "query=x=%20&y\n",
                        "header host=127.0.0.1\n",
                        "state=hello from start\n");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void theMountPointItselfHasAnEmptyPathAndNoQuery(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/mnt");

        assertThat(reply.bodyText()).contains("mountPath=/mnt\n", "path=\n", "query=<absent>\n");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void headerNamesArriveInLowerCaseWithRepeatsKept(Container container) throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "GET /mnt/h HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Multi: one\r\n"
                        + "X-MULTI: two\r\nConnection: close\r\n\r\n");

        assertThat(reply.bodyText()).contains("header x-multi=one\nheader x-multi=two\n");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void invalidUtf8InThePathIsAnswered400(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/mnt/%C3%28").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aPathClimbingAboveTheRootIsAnswered400(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/mnt/%2e%2e/%2e%2e/etc").status())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aPathOutsideTheMountIsAnswered404(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/elsewhere").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void theRequestBodyReachesTheApplicationWhole(Container container) throws IOException {
        String body = "x".repeat(200_000);
        RawResponse reply = RawHttp.exchange(
                at(container),
                "POST /mnt/body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-length")).contains(String.valueOf(body.length()));
        assertThat(reply.bodyText()).isEqualTo(body);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aChunkedRequestBodyIsDecoded(Container container) throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "POST /mnt/body HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");

        assertThat(reply.bodyText()).isEqualTo("hello world");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aBodyAnnouncedOverTheLimitIsAnswered413BeforeTheApplicationRuns(Container container) throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "POST /mnt/body HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + (JgiServlet.DEFAULT_BODY_LIMIT + 1)
                        + "\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(413);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aFailureBeforeCommitIs500WithoutItsMessage(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/mnt/fail");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.bodyText()).doesNotContain("secret detail");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aFailureAfterCommitLeavesTheChunkedBodyUnterminated(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/mnt/fail-after-commit");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.framing()).isEqualTo(RawResponse.Framing.CHUNKED);
        assertThat(reply.bodyText()).isEqualTo("partial");
        assertThat(reply.complete()).as("the client must see the abort").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void flushedWriterBytesReachTheClientBeforeTheBodyEnds(Container container) throws IOException {
        SyncProbe app = containers.app(container);
        try (RawConnection wire = RawHttp.connect(at(container))) {
            wire.send("GET /mnt/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(wire.readUntil("first\n", RawHttp.TIMEOUT))
                    .as("the first piece arrives while the writer still waits")
                    .contains("first\n");
            app.streamRelease.countDown();
            assertThat(new String(wire.drain(RawHttp.TIMEOUT), StandardCharsets.ISO_8859_1))
                    .contains("second\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aStreamBodyIsSentAndItsInputClosedOnce(Container container) throws IOException {
        SyncProbe app = containers.app(container);
        int before = app.streamCloses.get();

        RawResponse reply = RawHttp.get(at(container), "/mnt/input-stream");

        assertThat(reply.bodyText()).isEqualTo("from a stream");
        assertThat(app.streamCloses.get() - before).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void trailersFollowTheChunkedBody(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/mnt/trailers");

        assertThat(reply.framing()).isEqualTo(RawResponse.Framing.CHUNKED);
        assertThat(reply.bodyText()).isEqualTo("body before trailers");
        assertThat(reply.trailers()).anySatisfy(field -> {
            assertThat(field.name()).isEqualToIgnoringCase("x-checksum");
            assertThat(field.value()).isEqualTo("abc123");
        });
        assertThat(containers.app(container).info.capabilities()).contains(Capability.TRAILERS);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aHopByHopResponseFieldIsAnswered500(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/mnt/hop");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.bodyText()).doesNotContain("never sent");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aContentLengthThatDiffersFromTheBodyIsAnswered500(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/mnt/wrong-length").status()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void repeatedSetCookieFieldsStaySeparate(Container container) throws IOException {
        assertThat(RawHttp.get(at(container), "/mnt/set-cookies").headers("set-cookie"))
                .containsExactly("a=1", "b=2");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void headAndNoContentResponsesCarryNoBody(Container container) throws IOException {
        try (RawConnection wire = RawHttp.connect(at(container))) {
            wire.send(
                    "HEAD /mnt/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /mnt/no-content HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            + "GET /mnt/after HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            RawResponse head = wire.readResponse("HEAD");
            RawResponse noContent = wire.readResponse();
            RawResponse after = wire.readResponse();

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isPresent();
            assertThat(noContent.status()).isEqualTo(204);
            assertThat(after.bodyText())
                    .as("no stray body bytes before the next response")
                    .contains("path=/after\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void completionHooksRunOnceInReverseOrderAfterTheResponse(Container container) throws Exception {
        SyncProbe app = containers.app(container);
        app.events.clear();

        // Hooks run after the last byte left, so they may trail the client's read by a moment.
        RawHttp.get(at(container), "/mnt/hooks");
        eventually(() -> assertThat(app.events).hasSizeGreaterThanOrEqualTo(2));
        RawHttp.get(at(container), "/mnt/hooks-fail");
        eventually(() -> assertThat(app.events).hasSizeGreaterThanOrEqualTo(3));
        // A failure answered with a whole 500 before commit is no abort: no error [JGI-DONE-3].
        assertThat(app.events).containsExactly("second-registered 200", "first-registered 200 6", "failed 500 false");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void startRanOnceBeforeAnyRequestAndDeclaredTheSpecVersion(Container container) {
        SyncProbe app = containers.app(container);

        assertThat(app.starts.get()).isEqualTo(1);
        assertThat(app.info.specVersion()).isEqualTo("1.0");
        assertThat(app.info.name()).isEqualTo("jgi-servlet");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aMalformedChunkIsAnswered400EvenWhenTheApplicationCaughtTheReadFailure(Container container)
            throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "POST /mnt/body-caught HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");

        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(400);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void noContinueIsSentWhenTheApplicationAnswersWithoutReading(Container container) throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "POST /mnt/unread HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: 4\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.interim()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void anAbsoluteFormTargetGivesItsPathAndQuery(Container container) throws IOException {
        RawResponse reply = RawHttp.exchange(
                at(container),
                "GET http://example.test/mnt/p?q=1 HTTP/1.1\r\n" + "Host: example.test\r\nConnection: close\r\n\r\n");

        assertThat(reply.bodyText())
                .contains(
                        "mountPath=/mnt\n",
                        "path=/p\n",
                        "query=q=1\n",
                        "header host=example.test\n",
                        "rawPath=/mnt/p\n");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void theContentTypeIsSentAsTheApplicationSetIt(Container container) throws IOException {
        RawResponse reply = RawHttp.get(at(container), "/mnt/stream-now");

        assertThat(reply.header("content-type")).contains("text/plain");
    }
}
