package dev.jgi.tck.h2;

import dev.jgi.tck.wire.Transcript;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * One request on stream 1 of a new HTTP/2 connection that the test keeps open: the HTTP/2 form of
 * a test that drives an HTTP/1.1 connection itself. The request goes out as {@link Http2Exchange}
 * sends it, except that the stream stays open when the body is shorter than its
 * {@code content-length} (a client that left mid-body). The client then reads frames only when
 * asked, so that flow control stops a response it does not read, and leaves by RST_STREAM with
 * CANCEL (RFC 9113 §6.4, §8.7) while the connection stays open.
 */
public final class Http2Stream implements AutoCloseable {

    private static final int STREAM = 1;
    /** The error code CANCEL: the client no longer wants the stream (RFC 9113 §7). */
    private static final int CANCEL = 0x8;

    private final FrameConnection connection;

    private Http2Stream(FrameConnection connection) {
        this.connection = connection;
    }

    /**
     * Opens a connection to {@code address} (TLS with ALPN when {@code tls} is present, else
     * cleartext with prior knowledge) and sends {@code literal} on stream 1, within the server's
     * initial windows.
     */
    public static Http2Stream open(
            InetSocketAddress address,
            Optional<SSLContext> tls,
            Transcript transcript,
            Duration timeout,
            String literal) {
        LiteralRequest request = LiteralRequest.parse(literal);
        FrameConnection connection = FrameConnection.open(address, tls, transcript, timeout);
        byte[] block = HeaderBlock.encode(request.http2Head(tls.isPresent() ? "https" : "http"));
        if (block.length > FrameConnection.MAX_FRAME) {
            connection.close();
            throw new IllegalArgumentException("a request head too large for one HEADERS frame: " + literal);
        }
        long sent = request.pieces().stream().mapToLong(p -> p.length).sum();
        boolean whole = request.declaredLength().orElse(sent) == sent;
        boolean bodyFollows = !request.pieces().isEmpty();
        connection.write(new Frame(
                Frame.HEADERS, Frame.END_HEADERS | (bodyFollows || !whole ? 0 : Frame.END_STREAM), STREAM, block));
        for (int i = 0; i < request.pieces().size(); i++) {
            byte[] piece = request.pieces().get(i);
            if (piece.length > FrameConnection.MAX_FRAME) {
                connection.close();
                throw new IllegalArgumentException("a body piece larger than one DATA frame: " + piece.length);
            }
            boolean last = i == request.pieces().size() - 1 && whole;
            connection.write(new Frame(Frame.DATA, last ? Frame.END_STREAM : 0, STREAM, piece));
        }
        return new Http2Stream(connection);
    }

    /**
     * Reads frames until a DATA frame of the stream brings body bytes, answering SETTINGS and PING
     * and giving no window back; false when the stream ended, was reset or the connection closed
     * first, or nothing came within the connection's timeout.
     */
    public boolean bodyBytesArrive() {
        return nextBodyBytes().isPresent();
    }

    /**
     * Reads the response body, as {@link #bodyBytesArrive} does, until it holds {@code marker}; returns
     * the body read, which lacks the marker when the stream ended or went quiet first.
     */
    public String bodyUntil(String marker) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (!body.toString(StandardCharsets.UTF_8).contains(marker)) {
            Optional<byte[]> piece = nextBodyBytes();
            if (piece.isEmpty()) {
                break;
            }
            body.writeBytes(piece.get());
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private Optional<byte[]> nextBodyBytes() {
        while (true) {
            Optional<Frame> next;
            try {
                next = connection.read();
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            if (next.isEmpty()) {
                return Optional.empty();
            }
            Frame frame = next.get();
            switch (frame.type()) {
                case Frame.SETTINGS -> {
                    if (!frame.has(Frame.ACK)) {
                        connection.write(new Frame(Frame.SETTINGS, Frame.ACK, 0, new byte[0]));
                    }
                }
                case Frame.PING -> {
                    if (!frame.has(Frame.ACK)) {
                        connection.write(new Frame(Frame.PING, Frame.ACK, 0, frame.payload()));
                    }
                }
                case Frame.DATA -> {
                    if (frame.stream() == STREAM && frame.content().length > 0) {
                        return Optional.of(frame.content());
                    }
                    if (frame.stream() == STREAM && frame.has(Frame.END_STREAM)) {
                        return Optional.empty();
                    }
                }
                case Frame.RST_STREAM, Frame.GOAWAY -> {
                    return Optional.empty();
                }
                default -> {
                    if (frame.stream() == STREAM && frame.has(Frame.END_STREAM)) {
                        return Optional.empty();
                    }
                }
            }
        }
    }

    /** The client leaves the exchange: RST_STREAM with CANCEL; the connection stays open. */
    public void reset() {
        connection.write(new Frame(Frame.RST_STREAM, 0, STREAM, Frame.word(CANCEL)));
    }

    @Override
    public void close() {
        connection.close();
    }
}
