package dev.jgi.tck.h2;

import dev.jgi.tck.wire.Transcript;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/2 connection at the frame level: writes the frames it is given exactly as given, reads
 * whole frames, and notes each in the test's transcript. It opens with the client preface and a
 * SETTINGS frame that turns server push off; everything else is up to its user.
 */
final class FrameConnection implements AutoCloseable {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** SETTINGS_ENABLE_PUSH (0x2) = 0. */
    private static final byte[] NO_PUSH = {0, 2, 0, 0, 0, 0};
    /** The largest frame a server may send before it has our SETTINGS; we never raise it (§6.5.2). */
    static final int MAX_FRAME = 16_384;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;

    private FrameConnection(Socket socket, Transcript transcript) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.transcript = transcript;
    }

    /**
     * Connects and sends the preface: over TLS when {@code tls} is present, which must then agree
     * on {@code h2} by ALPN, else cleartext with prior knowledge (RFC 9113 §3.3).
     */
    static FrameConnection open(
            InetSocketAddress address, Optional<SSLContext> tls, Transcript transcript, Duration timeout) {
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.setTcpNoDelay(true);
            if (tls.isPresent()) {
                SSLSocket secure = (SSLSocket) tls.get()
                        .getSocketFactory()
                        .createSocket(socket, address.getHostString(), address.getPort(), true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"h2"});
                secure.setSSLParameters(parameters);
                secure.startHandshake();
                if (!"h2".equals(secure.getApplicationProtocol())) {
                    secure.close();
                    throw new AssertionError("the TLS listener did not agree on h2 by ALPN (it chose '"
                            + secure.getApplicationProtocol() + "') [JGI-H2-1]");
                }
                socket = secure;
            }
            transcript.note(true, (tls.isPresent() ? "TLS, ALPN h2" : "cleartext, prior knowledge") + ": preface");
            FrameConnection connection = new FrameConnection(socket, transcript);
            connection.out.write(PREFACE);
            connection.write(new Frame(Frame.SETTINGS, 0, 0, NO_PUSH));
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot open an HTTP/2 connection to " + address + ": " + e, e);
        }
    }

    void write(Frame frame) {
        transcript.note(true, frame.toString());
        byte[] header = {
            (byte) (frame.payload().length >>> 16),
            (byte) (frame.payload().length >>> 8),
            (byte) frame.payload().length,
            (byte) frame.type(),
            (byte) frame.flags(),
            (byte) (frame.stream() >>> 24),
            (byte) (frame.stream() >>> 16),
            (byte) (frame.stream() >>> 8),
            (byte) frame.stream()
        };
        try {
            out.write(header);
            out.write(frame.payload());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server closed the connection while the TCK wrote " + frame, e);
        }
    }

    /** The next frame; empty when the server closed the connection. */
    Optional<Frame> read() throws SocketTimeoutException {
        try {
            byte[] header = in.readNBytes(9);
            if (header.length < 9) {
                transcript.note(false, "(connection closed)");
                return Optional.empty();
            }
            int length = ((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff);
            if (length > MAX_FRAME) {
                throw new AssertionError("the server sent a frame of " + length
                        + " bytes, above the SETTINGS_MAX_FRAME_SIZE it was given (RFC 9113 §4.2)");
            }
            int stream = ((header[5] & 0x7f) << 24)
                    | ((header[6] & 0xff) << 16)
                    | ((header[7] & 0xff) << 8)
                    | (header[8] & 0xff);
            byte[] payload = in.readNBytes(length);
            if (payload.length < length) {
                throw new EOFException("connection closed inside a frame");
            }
            Frame frame = new Frame(header[3] & 0xff, header[4] & 0xff, stream, payload);
            transcript.note(false, frame.toString());
            return Optional.of(frame);
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            transcript.note(false, "(connection lost: " + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort: the exchange's outcome is already known.
        }
    }
}
