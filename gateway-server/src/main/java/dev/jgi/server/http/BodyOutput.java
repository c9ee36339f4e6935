package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.ResponseBreach;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response body stream of a sync application: bytes are gathered in a buffer on the
 * application's thread and handed to the I/O thread, which writes them. At most one piece is in
 * flight; the next hand-over waits until the transport accepted the previous one, which bounds memory
 * and carries backpressure to the application [JGI-STREAM-1]. The first piece commits the head. The
 * kernel's {@link BodyLength} holds the body to the application's content-length [JGI-FRAME-6].
 */
final class BodyOutput extends OutputStream {

    private static final int SIZE = 16 * 1024;

    private final Transport transport;
    private final int status;
    private final Headers headers;
    private final BodyLength length;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private byte[] buffer = new byte[SIZE];
    private byte[] spare = new byte[SIZE];
    private int count;
    private boolean inFlight;
    private boolean handedOver;
    private boolean closed;
    private IOException failure;

    BodyOutput(Transport transport, int status, Headers headers, BodyLength length) {
        this.transport = transport;
        this.status = status;
        this.headers = headers;
        this.length = length;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (count == buffer.length) {
            handOver(false);
        }
        buffer[count++] = (byte) b;
        checkLength(length.add(1));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        checkLength(length.add(len));
        while (len > 0) {
            if (count == buffer.length) {
                handOver(false);
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what was written and waits until the transport accepted it [JGI-BODYOUT-4]. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (count > 0) {
            handOver(false);
        }
        awaitIdle();
    }

    /** Ends the body: the rest is sent, the exchange ends, and this waits until the transport took it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        checkLength(length.end());
        handOver(true);
        closed = true;
        awaitIdle();
    }

    private void checkLength(Optional<ResponseBreach> mismatch) throws IOException {
        if (mismatch.isPresent()) {
            closed = true;
            throw new IOException(mismatch.get().message());
        }
    }

    private void handOver(boolean last) throws IOException {
        awaitIdle();
        ByteBuffer piece = ByteBuffer.wrap(buffer, 0, count);
        byte[] sent = buffer;
        buffer = spare;
        spare = sent;
        count = 0;
        boolean first = !handedOver;
        handedOver = true;
        lock.lock();
        try {
            inFlight = true;
        } finally {
            lock.unlock();
        }
        transport.execute(() -> {
            if (!transport.isOpen() && first) {
                failed(new IOException("the response was already answered by the server"));
                return;
            }
            if (first) {
                // A content-length the application set wins over this one (Transport.commit).
                transport.commit(status, headers, last ? piece.remaining() : -1);
            }
            transport.sendPiece(piece, last, this::accepted, this::failed);
        });
    }

    private void accepted() {
        lock.lock();
        try {
            inFlight = false;
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void failed(IOException cause) {
        if (cause instanceof ClientDisconnectedException) {
            // Also when the exchange already ended: the application asks after it caught this [JGI-DISC-2].
            transport.departure.clientLeft();
        }
        lock.lock();
        try {
            failure = cause;
            inFlight = false;
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitIdle() throws IOException {
        lock.lock();
        try {
            while (inFlight) {
                idle.await();
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the response body was being sent");
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the response body stream is closed");
        }
        if (failure != null) {
            throw failure;
        }
    }
}
