package dev.jgi.server.hostile;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * An HTTP/2 client that writes raw frames, as an attacker does: no flow control, no stream state,
 * and GET heads encoded with HPACK's static table only. A reader thread drains everything the
 * server sends and remembers its GOAWAY.
 */
final class RawH2 implements AutoCloseable {

    static final int ENHANCE_YOUR_CALM = 0xb;
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADERS = 0x1;
    private static final int RST_STREAM = 0x3;
    private static final int SETTINGS = 0x4;
    private static final int GOAWAY = 0x7;
    private static final byte[] CANCEL = {0, 0, 0, 0x8};

    /** A GOAWAY the server sent: the last stream it processed, and why. */
    record GoAway(int lastStream, int errorCode) {}

    private final Socket socket;
    private final OutputStream out;
    private final boolean tls;
    private final CompletableFuture<GoAway> goAway = new CompletableFuture<>();
    /** Completed when the server's bytes end: true by a reset, false by the end of the stream. */
    private final CompletableFuture<Boolean> closed = new CompletableFuture<>();

    private final AtomicInteger responses = new AtomicInteger();
    /** The preface, when it waits for the first {@link #writeAll}; else empty. */
    private byte[] held = new byte[0];

    private RawH2(Socket socket, boolean tls) throws IOException {
        this(socket, tls, false, true);
    }

    private RawH2(Socket socket, boolean tls, boolean holdPreface, boolean readNow) throws IOException {
        this.socket = socket;
        this.tls = tls;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        if (readNow) {
            startReading();
        }
        java.io.ByteArrayOutputStream preface = new java.io.ByteArrayOutputStream();
        preface.write(PREFACE);
        frame(preface, SETTINGS, 0, 0, new byte[0]);
        if (holdPreface) {
            held = preface.toByteArray();
        } else {
            out.write(preface.toByteArray());
            out.flush();
        }
    }

    /** Prior-knowledge cleartext HTTP/2 (h2c). */
    static RawH2 cleartext(int port) throws IOException {
        return new RawH2(new Socket("127.0.0.1", port), false);
    }

    /**
     * Prior-knowledge cleartext HTTP/2 whose preface is sent in the same write as the first
     * {@link #writeAll}: the server reads it with what follows, as from a client in a hurry.
     */
    static RawH2 cleartextPrefaceHeld(int port) throws IOException {
        return new RawH2(new Socket("127.0.0.1", port), false, true, true);
    }

    /**
     * Prior-knowledge cleartext HTTP/2 from a client that reads nothing until {@link #startReading},
     * with a receive buffer of a few KiB: what the server sends waits in the server's send queue.
     */
    static RawH2 cleartextNotReading(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(2048);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        return new RawH2(socket, false, false, false);
    }

    /** Begins reading what the server sends, on a thread of its own. */
    void startReading() {
        Thread.ofPlatform().daemon().name("raw-h2-reader").start(this::readAll);
    }

    /**
     * Cleartext HTTP/2 by {@code Upgrade: h2c} (RFC 7540 section 3.2): {@code GET /} on HTTP/1.1,
     * the server's 101, then the preface. The upgrade's request is stream 1; the client's own
     * streams start at 3.
     */
    static RawH2 upgraded(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream()
                .write(("GET / HTTP/1.1\r\nhost: localhost\r\nconnection: Upgrade, HTTP2-Settings\r\n"
                                + "upgrade: h2c\r\nhttp2-settings: \r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        java.io.InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the upgrade's answer: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade to h2c: " + head);
        }
        return new RawH2(socket, false);
    }

    /** HTTP/2 over TLS, chosen by ALPN. */
    static RawH2 tls(int port, SSLContext context) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2"});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        if (!"h2".equals(socket.getApplicationProtocol())) {
            throw new IOException("ALPN did not choose h2: " + socket.getApplicationProtocol());
        }
        return new RawH2(socket, true);
    }

    /** HEADERS for {@code GET path} on {@code stream}, with END_STREAM and END_HEADERS; not flushed. */
    void get(int stream, String path) throws IOException {
        frame(out, HEADERS, 0x1 | 0x4, stream, getBlock(tls, path));
    }

    /** RST_STREAM {@code CANCEL} for {@code stream}; not flushed. */
    void reset(int stream) throws IOException {
        frame(out, RST_STREAM, 0, stream, CANCEL);
    }

    /**
     * {@code pairs} times {@code GET path} then its RST_STREAM, from {@code firstStream} on, as an
     * attacker sends them in one write ({@link #writeAll}): the server reads them in pieces, and what
     * follows the piece that trips its limit is still unread when it ends the connection.
     */
    static byte[] resetBurst(boolean tls, int firstStream, int pairs, String path) throws IOException {
        java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
        byte[] block = getBlock(tls, path);
        for (int i = 0, stream = firstStream; i < pairs; i++, stream += 2) {
            frame(burst, HEADERS, 0x1 | 0x4, stream, block);
            frame(burst, RST_STREAM, 0, stream, CANCEL);
        }
        return burst.toByteArray();
    }

    /** Writes {@code bytes}, after the held preface if any, in a single write of the socket. */
    void writeAll(byte[] bytes) throws IOException {
        byte[] all = java.util.Arrays.copyOf(held, held.length + bytes.length);
        System.arraycopy(bytes, 0, all, held.length, bytes.length);
        held = new byte[0];
        out.flush();
        socket.getOutputStream().write(all);
    }

    /** The HPACK block of {@code GET path}: static table and literals, no Huffman coding. */
    private static byte[] getBlock(boolean tls, String path) {
        byte[] p = path.getBytes(StandardCharsets.US_ASCII);
        byte[] authority = "localhost".getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
        block.write(0x82); // :method GET
        block.write(tls ? 0x87 : 0x86); // :scheme https / http
        block.write(0x04); // :path, literal value without indexing
        block.write(p.length);
        block.write(p, 0, p.length);
        block.write(0x01); // :authority, literal value without indexing
        block.write(authority.length);
        block.write(authority, 0, authority.length);
        return block.toByteArray();
    }

    void flush() throws IOException {
        out.flush();
    }

    private static void frame(OutputStream to, int type, int flags, int stream, byte[] payload) throws IOException {
        to.write(payload.length >>> 16);
        to.write(payload.length >>> 8);
        to.write(payload.length);
        to.write(type);
        to.write(flags);
        to.write(stream >>> 24);
        to.write(stream >>> 16);
        to.write(stream >>> 8);
        to.write(stream);
        to.write(payload);
    }

    /** Whether the server has sent GOAWAY or closed the connection. */
    boolean stopped() {
        return goAway.isDone() || closed.isDone();
    }

    /** The server's GOAWAY, waiting at most {@code timeout}; null when the connection closed without one. */
    GoAway awaitGoAway(Duration timeout) throws Exception {
        try {
            return CompletableFuture.anyOf(goAway, closed)
                    .thenApply(any -> goAway.getNow(null))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    /** Waits at most {@code timeout} for the server to close the connection; true when it did. */
    boolean awaitClosed(Duration timeout) throws Exception {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * How the server's bytes ended, waiting at most {@code timeout}: true by a reset (the kernel's
     * answer to a close with the client's bytes unread), false by the end of the stream; null when
     * they did not end in time.
     */
    Boolean awaitEnd(Duration timeout) throws Exception {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        }
    }

    /** HEADERS frames the server sent: responses begun. */
    int responses() {
        return responses.get();
    }

    private void readAll() {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int length = in.readUnsignedByte() << 16 | in.readUnsignedByte() << 8 | in.readUnsignedByte();
                int type = in.readUnsignedByte();
                in.readUnsignedByte();
                in.readInt();
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    throw new EOFException();
                }
                if (type == HEADERS) {
                    responses.incrementAndGet();
                } else if (type == GOAWAY && length >= 8) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(payload);
                    goAway.complete(new GoAway(b.getInt() & 0x7FFFFFFF, b.getInt()));
                }
            }
        } catch (EOFException e) {
            closed.complete(false);
        } catch (IOException e) {
            // "Connection reset" (a SocketException), or an SSLException for a reset under TLS.
            closed.complete(true);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
