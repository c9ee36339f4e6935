package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Echo;
import dev.jgi.tck.Http2Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.wire.RawResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Chapter 4 at its boundaries, over every protocol: a body in one-byte pieces that split a
 * multi-byte character, a body larger than HTTP/2's initial flow-control window, and, over HTTP/2,
 * DATA frames that disagree with {@code content-length} (RFC 9113 §8.1.1 makes such a request
 * malformed; what the application may then see is JGI-BODY-1's).
 */
class BodyBoundaryTests {

    /** 200 KiB: three times HTTP/2's initial window, so the server must send WINDOW_UPDATE. */
    private static final int LARGE = 200 * 1024;

    @ServerTest({Variant.SYNC, Variant.ASYNC, Variant.ADAPTED_SYNC, Variant.ADAPTED_ASYNC})
    @Clause("JGI-BODY-2")
    void oneByteChunksSplittingACharacterArriveWhole(Probe probe) {
        byte[] body = "h\u00e9\u20ac!".getBytes(StandardCharsets.UTF_8);
        StringBuilder chunks = new StringBuilder();
        for (byte b : body) {
            chunks.append("1\r\n").append((char) (b & 0xff)).append("\r\n");
        }
        Echo echo = probe.echo(
                probe.exchange(probe.head("POST", "/bytes", "Transfer-Encoding: chunked") + chunks + "0\r\n\r\n"));
        assertThat(echo.bodyError()).isEmpty();
        assertThat(echo.bodyLength()).isEqualTo(body.length);
        assertThat(echo.bodySha256()).isEqualTo(sha256(body));
    }

    @ServerTest({Variant.SYNC, Variant.ASYNC})
    @Clause("JGI-BODY-1")
    void bodyBeyondTheFlowControlWindowArrivesWhole(Probe probe) {
        byte[] body = new byte[LARGE];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + 7);
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Echo echo = probe.echo(probe.exchange(probe.head("POST", "/large", "Content-Length: " + LARGE) + text));
        assertThat(echo.bodyError()).isEmpty();
        assertThat(echo.bodyLength()).isEqualTo(LARGE);
        assertThat(echo.bodySha256()).isEqualTo(sha256(body));
    }

    @Http2Only
    @ServerTest
    @Clause("JGI-BODY-1")
    void dataShorterThanContentLengthIsNeverAWholeBody(Probe probe) {
        RawResponse response = probe.exchange(probe.head("POST", "/short", "Content-Length: 10") + "abc");
        assertThat(wholeBodyOf(probe, response, 3))
                .as("three bytes of a declared ten reached the application as a complete body")
                .isFalse();
    }

    @Http2Only
    @ServerTest
    @Clause("JGI-BODY-1")
    void dataLongerThanContentLengthIsNeverMoreThanDeclared(Probe probe) {
        RawResponse response = probe.exchange(probe.head("POST", "/long", "Content-Length: 3") + "abcdef");
        if (response.status() == 200) {
            Echo echo = probe.echo(response);
            assertThat(echo.bodyLength())
                    .as("the body must end after the declared three bytes")
                    .isLessThanOrEqualTo(3);
        }
    }

    /**
     * Whether the application read {@code length} bytes as a complete body. Allowed instead: a
     * stream reset or 400 before the application, or a read that failed.
     */
    private static boolean wholeBodyOf(Probe probe, RawResponse response, int length) {
        if (response.status() != 200) {
            return false;
        }
        Echo echo = probe.echo(response);
        return echo.bodyError().isEmpty() && echo.bodyLength() == length;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
