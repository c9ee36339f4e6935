package dev.jgi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.protocols.http2.HpackEncoder;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Header blocks as a client sends them, handed over frame by frame as {@link StreamGuard} does. */
class Http2TargetsTest {

    private static final int HEADERS = 0x1;
    private static final int CONTINUATION = 0x9;
    private static final int END_STREAM = 0x1;
    private static final int END_HEADERS = 0x4;
    private static final int PADDED = 0x8;
    private static final int PRIORITY = 0x20;

    private final HpackEncoder encoder = new HpackEncoder(4096);
    private final Http2Targets targets = new Http2Targets(16 * 1024);
    private final java.util.List<byte[][]> frames = new java.util.ArrayList<>();

    @Test
    void aLoneQuestionMarkSurvives() {
        frame(HEADERS, END_STREAM | END_HEADERS, 1, block("GET", "/q?"));
        scanInPieces(7);
        assertThat(targets.take("GET", "/q").map(Http2Targets.Target::path)).contains("/q?");
        assertThat(targets.take("GET", "/q").map(Http2Targets.Target::path))
                .as("each target is taken once")
                .isEmpty();
    }

    @Test
    void paddingPriorityAndContinuationAreStripped() {
        byte[] block = block("POST", "/a%2Fb?x=%41");
        int half = block.length / 2;
        byte[] first = new byte[1 + 5 + half + 3];
        first[0] = 3;
        System.arraycopy(block, 0, first, 6, half);
        frame(HEADERS, PADDED | PRIORITY, 3, first);
        frame(CONTINUATION, END_HEADERS, 3, Arrays.copyOfRange(block, half, block.length));
        scanInPieces(1);
        assertThat(targets.take("POST", "/a%2Fb?x=%41"))
                .as("the target as sent, and the stream whose reset ends its exchange")
                .contains(new Http2Targets.Target("POST", "/a%2Fb?x=%41", 3));
    }

    @Test
    void theDynamicTableIsFollowedAcrossRequestsAndTrailers() {
        frame(HEADERS, END_HEADERS, 1, block("GET", "/same?"));
        HeaderMap trailers = new HeaderMap();
        trailers.put(HttpString.tryFromString("x-checksum"), "abc");
        frame(HEADERS, END_STREAM | END_HEADERS, 1, encode(trailers));
        frame(HEADERS, END_STREAM | END_HEADERS, 3, block("GET", "/same?"));
        frame(HEADERS, END_STREAM | END_HEADERS, 5, block("DELETE", "/other?"));
        scanInPieces(5);
        assertThat(targets.take("GET", "/same").map(Http2Targets.Target::path)).contains("/same?");
        assertThat(targets.take("GET", "/same").map(Http2Targets.Target::path))
                .as("trailers are no request")
                .contains("/same?");
        assertThat(targets.take("DELETE", "/other").map(Http2Targets.Target::path))
                .contains("/other?");
    }

    @Test
    void aRequestUndertowNeverStartedIsSkippedAndAnUnknownOneLeavesTheRest() {
        frame(HEADERS, END_STREAM | END_HEADERS, 1, block("GET", "/refused"));
        frame(HEADERS, END_STREAM | END_HEADERS, 3, block("GET", "/served?"));
        scanInPieces(64);
        assertThat(targets.take("GET", "/unknown").map(Http2Targets.Target::path))
                .isEmpty();
        assertThat(targets.take("GET", "/served").map(Http2Targets.Target::path))
                .contains("/served?");
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
        frames.add(new byte[][] {{(byte) type, (byte) flags, (byte) stream}, payload});
    }

    /** Hands the frames over as StreamGuard does: each header, then its payload in pieces of {@code size}. */
    private void scanInPieces(int size) {
        for (byte[][] frame : frames) {
            byte[] payload = frame[1];
            if (targets.frame(frame[0][0], frame[0][1], frame[0][2], payload.length)) {
                for (int i = 0; i < payload.length; i += size) {
                    targets.payload(ByteBuffer.wrap(payload), i, Math.min(size, payload.length - i));
                }
            }
        }
    }
}
