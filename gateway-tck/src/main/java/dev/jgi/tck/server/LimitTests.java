package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.util.Optional;

/**
 * Chapter 14 of the spec: limits. The sizes here exceed any sensible default (a 1 MiB request
 * line, 1 MiB of header fields, a 1 TB body), so a server with documented defaults meets them.
 */
class LimitTests {

    private static final int MIB = 1024 * 1024;
    private static final int PIECE = 16 * 1024;

    @Http1Only("the request line and its 414 are HTTP/1.1's; HTTP/2 sends :path in HPACK")
    @ServerTest(Variant.SYNC)
    @Clause("JGI-LIM-1")
    @Clause("JGI-LIM-5")
    void overlongRequestLineIsAnswered414(Probe probe) {
        assertAnswered(probe, probe.head("GET", "/" + "a".repeat(MIB)), 414);
        assertStillServing(probe);
    }

    @Http1Only("not yet ported to HTTP/2: drives its own HTTP/1.1 connection (writes an oversized head in pieces)")
    @ServerTest(Variant.SYNC)
    @Clause("JGI-LIM-2")
    @Clause("JGI-LIM-5")
    void oversizedHeaderFieldsAreAnswered431(Probe probe) {
        assertAnswered(probe, probe.head("GET", "/big", "X-Big: " + "b".repeat(MIB)), 431);
        String[] many = new String[20_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "X-Many-" + i + ": v";
        }
        assertAnswered(probe, probe.head("GET", "/many", many), 431);
        assertStillServing(probe);
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (checks the 413 arrives before the body is sent)")
    @ServerTest
    @Clause("JGI-LIM-3")
    void announcedOversizedBodyIsAnswered413BeforeTheApplication(Probe probe) {
        RawResponse response = answer(probe, probe.head("POST", "/huge", "Content-Length: 1000000000000"))
                .orElseThrow(() -> new AssertionError("no response to a 1 TB content-length"));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.bodyText()).doesNotContain(probe.nonce());
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-BODY-13")
    void bodyLengthIsKnownBeforeTheBodyIsRead(Probe probe) {
        String path = probe.path("/_tck/body-length");
        assertThat(probe.exchange(probe.head("POST", path, "Content-Length: 5") + "hello")
                        .bodyText())
                .isEqualTo("5");
        if (probe.protocol() == Protocol.HTTP_1_1) {
            String chunked = probe.head("POST", path, "Transfer-Encoding: chunked") + "5\r\nhello\r\n0\r\n\r\n";
            assertThat(probe.exchange(chunked).bodyText()).isEqualTo("unknown");
            assertThat(probe.exchange(probe.head("GET", path)).bodyText()).isEqualTo("0");
        }
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-LIM-7")
    void exchangeLimitStopsTheBodyAtTheLimit(Probe probe) {
        limitStopsTheBodyAtTheLimit(probe);
    }

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-LIM-9")
    void channelLimitStopsTheBodyEventsAtTheLimit(Probe probe) {
        limitStopsTheBodyAtTheLimit(probe);
    }

    /** The same answers from the sync probe's reads and the async probe's receives. */
    private static void limitStopsTheBodyAtTheLimit(Probe probe) {
        String path = probe.path("/_tck/limit-caught/4");
        assertThat(probe.exchange(probe.head("POST", path, "Content-Length: 3") + "abc")
                        .bodyText())
                .isEqualTo("read 3 bytes");
        assertThat(probe.exchange(probe.head("POST", path, "Content-Length: 4") + "abcd")
                        .bodyText())
                .isEqualTo("read 4 bytes");
        assertThat(probe.exchange(probe.head("POST", path, "Content-Length: 10") + "0123456789")
                        .bodyText())
                .as("an announced body over the limit fails the first read")
                .startsWith("refused after 0 bytes");
        if (probe.protocol() == Protocol.HTTP_1_1) {
            String chunked = probe.head("POST", path, "Transfer-Encoding: chunked") + "a\r\n0123456789\r\n0\r\n\r\n";
            String refused = probe.exchange(chunked).bodyText();
            assertThat(refused).startsWith("refused after ");
            long got = Long.parseLong(refused.substring("refused after ".length(), refused.indexOf(' ', 14)));
            assertThat(got).as("bytes the application got past a limit of 4").isLessThanOrEqualTo(4);
        }
    }

    @ServerTest
    @Clause("JGI-LIM-8")
    void bodyOverTheExchangeLimitIsBodyTooLargeAndAnswered413(Probe probe) {
        String body = "0123456789";
        assertThat(probe.exchange(probe.head("POST", probe.path("/_tck/limit-caught/4"), "Content-Length: 10") + body)
                        .bodyText())
                .endsWith("dev.jgi.api.BodyTooLargeException");
        RawResponse uncaught =
                probe.exchange(probe.head("POST", probe.path("/_tck/limit/4"), "Content-Length: 10") + body);
        assertThat(uncaught.status()).isEqualTo(413);
        assertThat(uncaught.bodyText()).doesNotContain("BodyTooLargeException");
    }

    private static void assertAnswered(Probe probe, String request, int status) {
        Optional<RawResponse> response = answer(probe, request);
        assertThat(response).as("a response instead of a silent close").isPresent();
        assertThat(response.get().status()).isEqualTo(status);
    }

    private static Optional<RawResponse> answer(Probe probe, String request) {
        try (RawConnection connection = probe.connect()) {
            byte[] bytes = request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            // Stop writing once the server answers: writing on into a connection it closed would
            // make the kernel reset it and discard the answer unread.
            for (int from = 0;
                    from < bytes.length && !connection.bytesArrive(java.time.Duration.ofMillis(1));
                    from += PIECE) {
                try {
                    connection.send(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + PIECE)));
                } catch (java.io.UncheckedIOException stoppedReading) {
                    break;
                }
            }
            return connection.tryReadResponse(request.substring(0, request.indexOf(' ')));
        }
    }

    private static void assertStillServing(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/after-limit"))).path())
                .isEqualTo("/after-limit");
    }
}
