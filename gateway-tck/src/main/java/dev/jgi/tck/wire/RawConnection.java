package dev.jgi.tck.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A client connection that sends literal bytes and reads responses with a strict parser
 * ({@link ResponseReader}), for what an HTTP client library would normalise away: malformed
 * requests, pipelining, split and slow writes, half-closed connections. Every byte in either
 * direction goes to the test's {@link Transcript}.
 */
public final class RawConnection implements AutoCloseable {

    /** Why reading stopped before the bytes a caller needed arrived. */
    enum Stop {
        EOF,
        RESET,
        TIMEOUT
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Transcript transcript;
    private final int id;
    private final Duration timeout;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private Stop stop;

    private RawConnection(Socket socket, Transcript transcript, Duration timeout) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.transcript = transcript;
        this.id = transcript.newConnection();
        this.timeout = timeout;
    }

    /** Connects to a loopback address; reads give up after {@code timeout} of silence. */
    public static RawConnection open(InetSocketAddress address, Transcript transcript, Duration timeout) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return new RawConnection(socket, transcript, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + address, e);
        }
    }

    /** Sends text encoded as ISO-8859-1, one octet per character, so nothing is normalised. */
    public RawConnection send(String latin1) {
        return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            transcript.record(id, true, bytes, 0, bytes.length);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("connection " + id + ": send failed", e);
        }
    }

    /** Sends the bytes in pieces of {@code size} octets with a pause between them: a slow client. */
    public RawConnection sendInPieces(String latin1, int size, Duration pause) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        for (int from = 0; from < bytes.length; from += size) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size));
            send(piece);
            pause(pause);
        }
        return this;
    }

    /** Closes the sending direction only, as a client that has nothing more to say. */
    public RawConnection halfClose() {
        try {
            socket.shutdownOutput();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the final response to a request with this method, collecting any 1xx before it. */
    public RawResponse readResponse(String method) {
        return new ResponseReader(this, method).readFinal();
    }

    /** Reads the final response to a GET (or any method other than HEAD). */
    public RawResponse readResponse() {
        return readResponse("GET");
    }

    /** The next message, interim or final, or empty if none began within {@code wait}. */
    public Optional<RawResponse> readNextWithin(String method, Duration wait) {
        if (!awaitBytes(wait)) {
            return Optional.empty();
        }
        return Optional.of(new ResponseReader(this, method).readNext());
    }

    /** A response if one arrives, or empty when the server closes, resets or stays silent instead. */
    public Optional<RawResponse> tryReadResponse(String method) {
        if (!awaitBytes(timeout)) {
            return Optional.empty();
        }
        return Optional.of(readResponse(method));
    }

    /** What the server does next: close, reset, send more, or keep the connection open for {@code wait}. */
    public ConnectionState awaitState(Duration wait) {
        if (awaitBytes(wait)) {
            return ConnectionState.EXTRA_BYTES;
        }
        return switch (stop) {
            case EOF -> ConnectionState.CLOSED;
            case RESET -> ConnectionState.RESET;
            case TIMEOUT -> ConnectionState.OPEN;
        };
    }

    /** Everything the server sends until it closes or stays silent for {@code quiet}. */
    public byte[] drain(Duration quiet) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        while (awaitBytes(quiet)) {
            all.write(buffer, position, limit - position);
            position = limit;
        }
        return all.toByteArray();
    }

    /**
     * Reads until the bytes received so far contain {@code marker} (ISO-8859-1), the server stops
     * sending, or {@code max} passed; returns what arrived.
     */
    public String readUntil(String marker, Duration max) {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + max.toNanos();
        while (seen.indexOf(marker) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !awaitBytes(Duration.ofNanos(left))) {
                break;
            }
            seen.append(new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1));
            position = limit;
        }
        return seen.toString();
    }

    /** Whether the server has sent bytes not read yet, waiting up to {@code wait} for some. */
    public boolean bytesArrive(Duration wait) {
        return awaitBytes(wait);
    }

    /** Why the last read stopped, or empty if it did not. */
    Optional<Stop> stop() {
        return Optional.ofNullable(stop);
    }

    /** Whether unread bytes are buffered or arrive within {@code wait}. */
    boolean awaitBytes(Duration wait) {
        if (position < limit) {
            return true;
        }
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            return fill();
        } catch (SocketException e) {
            stop = Stop.RESET;
            return false;
        } finally {
            try {
                socket.setSoTimeout((int) timeout.toMillis());
            } catch (SocketException ignored) {
                // the socket is already broken; the next read reports it
            }
        }
    }

    /** The next byte, or -1 when reading stopped (see {@link #stop()}). */
    int read() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    private boolean fill() {
        if (stop == Stop.EOF || stop == Stop.RESET) {
            return false;
        }
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                stop = Stop.EOF;
                return false;
            }
            position = 0;
            limit = n;
            stop = null;
            transcript.record(id, false, buffer, 0, n);
            return true;
        } catch (SocketTimeoutException e) {
            stop = Stop.TIMEOUT;
            return false;
        } catch (IOException e) {
            stop = Stop.RESET;
            return false;
        }
    }

    Duration timeout() {
        return timeout;
    }

    int id() {
        return id;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket cannot fail in a way that matters to the verdict
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing slowly", e);
        }
    }
}
