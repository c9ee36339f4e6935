package dev.jgi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.protocols.http2.HpackEncoder;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bytes as a client sends them, scanned by a {@link StreamGuard}: the targets it records. */
class Http2TargetsTest {

    private static final int HEADERS = 0x1;
    private static final int CONTINUATION = 0x9;
    private static final int END_STREAM = 0x1;
    private static final int END_HEADERS = 0x4;
    private static final int PADDED = 0x8;
    private static final int PRIORITY = 0x20;

    private final HpackEncoder encoder = new HpackEncoder(4096);
    private final Http2Targets targets = new Http2Targets(16 * 1024);
    private final StreamGuard guard = new StreamGuard(null, new Http2Limits(0, 0), targets, new StreamGuard.Listener() {
        @Override
        public void http2Started() {}

        @Override
        public void cutOff(String reason) {
            throw new AssertionError(reason);
        }
    });
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

    @Test
    void aLoneQuestionMarkSurvives() {
        wire.writeBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        frame(HEADERS, END_STREAM | END_HEADERS, 1, block("GET", "/q?"));
        scanInPieces(wire.toByteArray(), 7);
        assertThat(targets.take("GET", "/q")).contains("/q?");
        assertThat(targets.take("GET", "/q")).as("each target is taken once").isEmpty();
    }

    @Test
    void paddingPriorityAndContinuationAreStripped() {
        wire.writeBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] block = block("POST", "/a%2Fb?x=%41");
        int half = block.length / 2;
        byte[] first = new byte[1 + 5 + half + 3];
        first[0] = 3;
        System.arraycopy(block, 0, first, 6, half);
        frame(HEADERS, PADDED | PRIORITY, 3, first);
        frame(CONTINUATION, END_HEADERS, 3, Arrays.copyOfRange(block, half, block.length));
        scanInPieces(wire.toByteArray(), 1);
        assertThat(targets.take("POST", "/a%2Fb?x=%41")).contains("/a%2Fb?x=%41");
    }

    @Test
    void theDynamicTableIsFollowedAcrossRequestsAndTrailers() {
        wire.writeBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        frame(HEADERS, END_HEADERS, 1, block("GET", "/same?"));
        HeaderMap trailers = new HeaderMap();
        trailers.put(HttpString.tryFromString("x-checksum"), "abc");
        frame(HEADERS, END_STREAM | END_HEADERS, 1, encode(trailers));
        frame(HEADERS, END_STREAM | END_HEADERS, 3, block("GET", "/same?"));
        frame(HEADERS, END_STREAM | END_HEADERS, 5, block("DELETE", "/other?"));
        scanInPieces(wire.toByteArray(), 5);
        assertThat(targets.take("GET", "/same")).contains("/same?");
        assertThat(targets.take("GET", "/same")).as("trailers are no request").contains("/same?");
        assertThat(targets.take("DELETE", "/other")).contains("/other?");
    }

    @Test
    void aRequestUndertowNeverStartedIsSkippedAndAnUnknownOneLeavesTheRest() {
        wire.writeBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        frame(HEADERS, END_STREAM | END_HEADERS, 1, block("GET", "/refused"));
        frame(HEADERS, END_STREAM | END_HEADERS, 3, block("GET", "/served?"));
        scanInPieces(wire.toByteArray(), 64);
        assertThat(targets.take("GET", "/unknown")).isEmpty();
        assertThat(targets.take("GET", "/served")).contains("/served?");
    }

    private byte[] block(String method, String path) {
        HeaderMap fields = new HeaderMap();
        fields.put(HttpString.tryFromString(":method"), method);
        fields.put(HttpString.tryFromString(":scheme"), "http");
        fields.put(HttpString.tryFromString(":path"), path);
        fields.put(HttpString.tryFromString(":authority"), "127.0.0.1");
        fields.put(HttpString.tryFromString("user-agent"), "Http2TargetsTest");
        return encode(fields);
    }

    private byte[] encode(HeaderMap fields) {
        ByteBuffer out = ByteBuffer.allocate(4096);
        encoder.encode(fields, out);
        out.flip();
        byte[] bytes = new byte[out.remaining()];
        out.get(bytes);
        return bytes;
    }

    private void frame(int type, int flags, int stream, byte[] payload) {
        wire.write(payload.length >>> 16);
        wire.write(payload.length >>> 8);
        wire.write(payload.length);
        wire.write(type);
        wire.write(flags);
        wire.write(stream >>> 24);
        wire.write(stream >>> 16);
        wire.write(stream >>> 8);
        wire.write(stream);
        wire.writeBytes(payload);
    }

    private void scanInPieces(byte[] bytes, int size) {
        for (int i = 0; i < bytes.length; i += size) {
            guard.seen(ByteBuffer.wrap(bytes, i, Math.min(size, bytes.length - i)));
        }
    }
}
