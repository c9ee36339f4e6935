package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.ResponseBreach;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response body stream of a sync application: bytes are gathered in a buffer on the
 * application's thread and the I/O thread takes the buffer and writes it. A flush asks the I/O
 * thread to take the buffer and returns: the flushed bytes are on their way without the application
 * waiting for them [JGI-BODYOUT-4] [JGI-STREAM-6]. What the application writes and flushes while a
 * piece is in flight joins the next piece, which the I/O thread takes as soon as the one in flight
 * was accepted, so a stream of small flushes costs a few hand-offs between the threads and not two
 * per flush. At most one piece is in flight and one buffer fills: a write that finds its buffer full
 * while a piece is in flight waits until the transport accepted it, which bounds memory to two
 * buffers of 16 KiB and carries backpressure to the application [JGI-STREAM-1]. The first piece
 * commits the head. The kernel's {@link BodyLength} holds the body to the application's
 * content-length [JGI-FRAME-6].
 */
final class BodyOutput extends OutputStream {

    private static final int SIZE = 16 * 1024;

    private final Transport transport;
    private final int status;
    private final Headers headers;
    private final BodyLength length;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when the I/O thread took the buffer, the last piece was accepted, or sending failed. */
    private final Condition progress = lock.newCondition();

    // Shared by both threads, under the lock.
    private byte[] buffer = new byte[SIZE];
    /** The other buffer; null while its bytes are in flight. */
    private byte[] spare = new byte[SIZE];

    private int count;
    /** The application flushed, or filled the buffer, since the I/O thread last took it. */
    private boolean wanted;
    /** The application closed the stream: what the buffer holds is the last piece. */
    private boolean ending;
    /**
     * The application flushed bytes: the body's length is not known when it starts, so it is
     * chunked [JGI-FRAME-3], also when those bytes and the rest end up in one last piece.
     */
    private boolean flushed;
    /** The I/O thread will look at the buffer again without being asked: a pump is queued or a piece is in flight. */
    private boolean pumping;

    private boolean inFlight;
    private boolean lastTaken;
    private boolean finished;
    private IOException failure;

    // The application's thread only; the lock in close publishes trailers to the I/O thread.
    private boolean closed;
    private Headers trailers;

    // The I/O thread only.
    private boolean committed;
    private boolean draining;

    BodyOutput(Transport transport, int status, Headers headers, BodyLength length) {
        this.transport = transport;
        this.status = status;
        this.headers = headers;
        this.length = length;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        checkLength(length.add(1));
        lock.lock();
        try {
            awaitRoom();
            buffer[count++] = (byte) b;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        checkLength(length.add(len));
        lock.lock();
        try {
            while (len > 0) {
                awaitRoom();
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands what was written to the I/O thread, which sends it without waiting for more
     * [JGI-BODYOUT-4]; while a piece is in flight, it goes out as the next piece.
     */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        boolean schedule;
        lock.lock();
        try {
            throwIfFailed();
            if (count == 0) {
                return;
            }
            wanted = true;
            flushed = true;
            schedule = schedulePump();
        } finally {
            lock.unlock();
        }
        if (schedule) {
            transport.execute(this::pump);
        }
    }

    /** The trailer fields the last piece carries [JGI-EXT-8]; before {@link #close}. */
    void trailers(Headers fields) {
        trailers = fields;
    }

    /** Ends the body: the rest is sent, the exchange ends, and this waits until the transport took it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        checkLength(length.end());
        closed = true;
        boolean schedule;
        lock.lock();
        try {
            ending = true;
            schedule = failure == null && schedulePump();
        } finally {
            lock.unlock();
        }
        if (schedule) {
            transport.execute(this::pump);
        }
        lock.lock();
        try {
            while (!finished && failure == null) {
                progress.await();
            }
            throwIfFailed();
        } catch (InterruptedException e) {
            throw interrupted();
        } finally {
            lock.unlock();
        }
    }

    private void checkLength(Optional<ResponseBreach> mismatch) throws IOException {
        if (mismatch.isPresent()) {
            closed = true;
            throw new IOException(mismatch.get().message());
        }
    }

    /** Under the lock: waits while the buffer is full, asking the I/O thread to take it. */
    private void awaitRoom() throws IOException {
        try {
            while (count == buffer.length) {
                throwIfFailed();
                wanted = true;
                if (schedulePump()) {
                    transport.execute(this::pump);
                }
                progress.await();
            }
            throwIfFailed();
        } catch (InterruptedException e) {
            throw interrupted();
        }
    }

    /** Under the lock: whether the caller must queue a pump, because none is queued or running. */
    private boolean schedulePump() {
        if (pumping) {
            return false;
        }
        pumping = true;
        return true;
    }

    /**
     * On the I/O thread: sends what the application wants sent, piece after piece, for as long as
     * each is accepted at once; a piece that must wait for the socket calls this again once accepted.
     */
    private void pump() {
        if (draining) {
            // A piece accepted at once, inside send: the loop below takes the next.
            return;
        }
        draining = true;
        try {
            for (Piece piece = take(); piece != null; piece = take()) {
                send(piece);
            }
        } finally {
            draining = false;
        }
    }

    /** @param lengthKnown the piece is the whole body, and the application never flushed */
    private record Piece(ByteBuffer data, byte[] array, boolean last, boolean lengthKnown) {}

    /** The buffer as the next piece, or null when a piece is in flight or nothing is wanted. */
    private Piece take() {
        lock.lock();
        try {
            if (inFlight) {
                return null;
            }
            if (failure != null || lastTaken || !(wanted || ending)) {
                pumping = false;
                return null;
            }
            byte[] taken = buffer;
            Piece piece = new Piece(ByteBuffer.wrap(taken, 0, count), taken, ending, ending && !flushed);
            buffer = spare;
            spare = null;
            count = 0;
            wanted = false;
            inFlight = true;
            lastTaken = ending;
            progress.signalAll();
            return piece;
        } finally {
            lock.unlock();
        }
    }

    private void send(Piece piece) {
        if (piece.last() && trailers != null) {
            // Fields over the limit fail the exchange; the piece below then reports it to the application.
            transport.trailers(trailers);
        }
        if (!committed) {
            committed = true;
            if (!transport.isOpen()) {
                failed(new IOException("the response was already answered by the server"));
                return;
            }
            // A content-length the application set wins over this one (Transport.commit).
            transport.commit(status, headers, piece.lengthKnown() ? piece.data().remaining() : -1);
        }
        transport.sendPiece(piece.data(), piece.last(), () -> accepted(piece), this::failed);
    }

    private void accepted(Piece piece) {
        lock.lock();
        try {
            spare = piece.array();
            inFlight = false;
            if (piece.last()) {
                finished = true;
                progress.signalAll();
            }
        } finally {
            lock.unlock();
        }
        pump();
    }

    private void failed(IOException cause) {
        if (cause instanceof ClientDisconnectedException) {
            // Also when the exchange already ended: the application asks after it caught this [JGI-DISC-2].
            transport.departure.clientLeft();
        }
        lock.lock();
        try {
            if (failure == null) {
                failure = cause;
            }
            inFlight = false;
            pumping = false;
            progress.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private void throwIfFailed() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private static InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while the response body was being sent");
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the response body stream is closed");
        }
    }
}
