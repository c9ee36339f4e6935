package dev.jgi.tck.h2;

import dev.jgi.tck.wire.RawResponse;
import dev.jgi.tck.wire.RawResponse.Field;
import dev.jgi.tck.wire.Transcript;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * One request and its response on stream 1 of a new HTTP/2 connection, from the literal HTTP/1.1
 * request a server test wrote (see {@link LiteralRequest}). It keeps to flow control both ways,
 * answers SETTINGS and PING, and reads until the stream ends, is reset, or the server goes quiet.
 * The response comes back as a {@link RawResponse} of version {@code HTTP/2}, so that the tests
 * read it as they read an HTTP/1.1 one.
 */
public final class Http2Exchange {

    private static final int STREAM = 1;
    private static final int INITIAL_WINDOW = 65_535;
    /** SETTINGS_INITIAL_WINDOW_SIZE (§6.5.2). */
    private static final int INITIAL_WINDOW_SIZE = 0x4;
    /** SETTINGS_MAX_FRAME_SIZE. */
    private static final int MAX_FRAME_SIZE = 0x5;

    private final FrameConnection connection;
    private final HeaderBlock hpack = new HeaderBlock();
    private long connectionWindow = INITIAL_WINDOW;
    private long streamWindow = INITIAL_WINDOW;
    private int maxFrame = FrameConnection.MAX_FRAME;

    private final List<RawResponse> interim = new ArrayList<>();
    private HeaderBlock.Decoded head;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private List<Field> trailers = List.of();
    private ByteArrayOutputStream pendingBlock;
    private boolean endStreamOnBlock;
    private RawResponse.End end;

    private Http2Exchange(FrameConnection connection) {
        this.connection = connection;
    }

    /**
     * Sends {@code literal} over a new connection to {@code address}, TLS with ALPN when {@code tls}
     * is present, else cleartext with prior knowledge, and reads the response.
     */
    public static RawResponse exchange(
            InetSocketAddress address,
            Optional<SSLContext> tls,
            Transcript transcript,
            Duration timeout,
            String literal) {
        LiteralRequest request = LiteralRequest.parse(literal);
        try (FrameConnection connection = FrameConnection.open(address, tls, transcript, timeout)) {
            return new Http2Exchange(connection).run(request, tls.isPresent() ? "https" : "http");
        }
    }

    private RawResponse run(LiteralRequest request, String scheme) {
        request(request, scheme);
        while (end == null) {
            pump();
        }
        return response(request.method());
    }

    /** Sends the request's head, body and trailers, keeping to flow control. */
    private void request(LiteralRequest request, String scheme) {
        boolean bodyFollows = !request.pieces().isEmpty() || !request.trailers().isEmpty();
        sendBlock(Frame.HEADERS, HeaderBlock.encode(request.http2Head(scheme)), !bodyFollows);
        for (int i = 0; i < request.pieces().size() && end == null; i++) {
            boolean last =
                    i == request.pieces().size() - 1 && request.trailers().isEmpty();
            sendData(request.pieces().get(i), last);
        }
        if (!request.trailers().isEmpty() && end == null) {
            sendBlock(Frame.HEADERS, HeaderBlock.encode(request.trailers()), true);
        }
    }

    /** HEADERS (or trailing HEADERS) and the CONTINUATION frames a large block needs (§6.10). */
    private void sendBlock(int type, byte[] block, boolean endStream) {
        int at = 0;
        boolean first = true;
        do {
            int size = Math.min(maxFrame, block.length - at);
            boolean lastFrame = at + size == block.length;
            int flags = (lastFrame ? Frame.END_HEADERS : 0) | (first && endStream ? Frame.END_STREAM : 0);
            connection.write(new Frame(first ? type : Frame.CONTINUATION, flags, STREAM, slice(block, at, size)));
            at += size;
            first = false;
        } while (at < block.length);
    }

    /** DATA frames within the server's windows, waiting for WINDOW_UPDATE when they are spent. */
    private void sendData(byte[] piece, boolean endStream) {
        int at = 0;
        do {
            while (Math.min(connectionWindow, streamWindow) <= 0 && piece.length > 0 && end == null) {
                pump();
            }
            if (end != null) {
                return;
            }
            int size = (int) Math.min(Math.min(maxFrame, piece.length - at), Math.min(connectionWindow, streamWindow));
            boolean last = at + size == piece.length;
            connection.write(
                    new Frame(Frame.DATA, last && endStream ? Frame.END_STREAM : 0, STREAM, slice(piece, at, size)));
            connectionWindow -= size;
            streamWindow -= size;
            at += size;
        } while (at < piece.length);
    }

    /** Reads and handles one frame; sets {@link #end} once the exchange is over. */
    private void pump() {
        Optional<Frame> next;
        try {
            next = connection.read();
        } catch (SocketTimeoutException e) {
            end = RawResponse.End.STALLED;
            return;
        }
        if (next.isEmpty()) {
            end = RawResponse.End.CLOSED_EARLY;
            return;
        }
        Frame frame = next.get();
        switch (frame.type()) {
            case Frame.SETTINGS -> settings(frame);
            case Frame.PING -> {
                if (!frame.has(Frame.ACK)) {
                    connection.write(new Frame(Frame.PING, Frame.ACK, 0, frame.payload()));
                }
            }
            case Frame.WINDOW_UPDATE -> {
                if (frame.stream() == 0) {
                    connectionWindow += frame.number(0);
                } else if (frame.stream() == STREAM) {
                    streamWindow += frame.number(0);
                }
            }
            case Frame.HEADERS -> block(frame, frame.content());
            case Frame.CONTINUATION -> block(frame, frame.payload());
            case Frame.DATA -> data(frame);
            case Frame.RST_STREAM -> end = RawResponse.End.CLOSED_EARLY;
            case Frame.GOAWAY -> {
                if (frame.number(0) < STREAM) {
                    end = RawResponse.End.CLOSED_EARLY;
                }
            }
            case Frame.PUSH_PROMISE ->
                throw new AssertionError("the server pushed though SETTINGS_ENABLE_PUSH was 0 (RFC 9113 §8.4)");
            default -> {
                // PRIORITY and unknown frame types are ignored (§4.1, §5.5).
            }
        }
    }

    private void settings(Frame frame) {
        if (frame.has(Frame.ACK)) {
            return;
        }
        byte[] payload = frame.payload();
        for (int at = 0; at + 6 <= payload.length; at += 6) {
            int id = ((payload[at] & 0xff) << 8) | (payload[at + 1] & 0xff);
            int value = frame.number(at + 2) | ((payload[at + 2] & 0x80) << 24);
            if (id == INITIAL_WINDOW_SIZE) {
                streamWindow += value - INITIAL_WINDOW;
            } else if (id == MAX_FRAME_SIZE) {
                maxFrame = Math.min(value, FrameConnection.MAX_FRAME);
            }
        }
        connection.write(new Frame(Frame.SETTINGS, Frame.ACK, 0, new byte[0]));
    }

    private void block(Frame frame, byte[] fragment) {
        if (frame.type() == Frame.HEADERS) {
            pendingBlock = new ByteArrayOutputStream();
        } else if (pendingBlock == null) {
            throw new AssertionError("the server sent CONTINUATION without HEADERS before it (RFC 9113 §6.10)");
        }
        pendingBlock.writeBytes(fragment);
        if (frame.type() == Frame.HEADERS) {
            endStreamOnBlock = frame.has(Frame.END_STREAM);
        }
        if (!frame.has(Frame.END_HEADERS)) {
            return;
        }
        HeaderBlock.Decoded decoded = hpack.decode(pendingBlock.toByteArray());
        pendingBlock = null;
        if (frame.stream() != STREAM) {
            return;
        }
        if (head == null && decoded.status() >= 100 && decoded.status() < 200) {
            interim.add(new RawResponse(
                    "HTTP/2",
                    decoded.status(),
                    "",
                    decoded.fields(),
                    RawResponse.Framing.NONE,
                    new byte[0],
                    RawResponse.End.COMPLETE,
                    List.of(),
                    List.of()));
        } else if (head == null) {
            head = decoded;
        } else {
            trailers = decoded.fields();
        }
        if (endStreamOnBlock) {
            end = RawResponse.End.COMPLETE;
        }
    }

    private void data(Frame frame) {
        if (frame.stream() != STREAM) {
            return;
        }
        body.writeBytes(frame.content());
        int length = frame.payload().length;
        if (length > 0) {
            // Give the window back at once, so a large response never waits on the TCK.
            connection.write(new Frame(Frame.WINDOW_UPDATE, 0, 0, Frame.word(length)));
            if (!frame.has(Frame.END_STREAM)) {
                connection.write(new Frame(Frame.WINDOW_UPDATE, 0, STREAM, Frame.word(length)));
            }
        }
        if (frame.has(Frame.END_STREAM)) {
            end = RawResponse.End.COMPLETE;
        }
    }

    private RawResponse response(String method) {
        if (head == null) {
            // No response head: the stream was reset or the connection lost before one arrived.
            return new RawResponse(
                    "HTTP/2", 0, "", List.of(), RawResponse.Framing.NONE, body.toByteArray(), end, List.of(), interim);
        }
        boolean noBody = method.equals("HEAD") || head.status() == 204 || head.status() == 304;
        boolean known = head.fields().stream().anyMatch(f -> f.name().equalsIgnoreCase("content-length"));
        RawResponse.Framing framing = noBody
                ? RawResponse.Framing.NONE
                : known ? RawResponse.Framing.CONTENT_LENGTH : RawResponse.Framing.FRAMES;
        return new RawResponse(
                "HTTP/2", head.status(), "", head.fields(), framing, body.toByteArray(), end, trailers, interim);
    }

    private static byte[] slice(byte[] bytes, int from, int size) {
        return Arrays.copyOfRange(bytes, from, from + size);
    }
}
