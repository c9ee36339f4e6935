package dev.jgi.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request body as a sync application reads it: a read that finds nothing asks the I/O thread
 * for one more piece and parks (cheaply, on a virtual thread) until it arrives. Taking a piece asks
 * for the next one at once, so that the I/O thread reads while the application works on this one:
 * one piece ahead at most [JGI-BODY-6]. Asking only once both were used up made every piece of an
 * upload wait for two thread hand-offs in turn.
 */
final class BodyInput extends InputStream implements BodyReader.Sink {

    private static final ByteBuffer NONE = ByteBuffer.allocate(0);

    private final Transport transport;
    private final BodyReader reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private ByteBuffer current = NONE;
    private ByteBuffer next;
    private boolean ended;
    private IOException failure;
    private boolean asked;

    /** @param reader null for a request without a body, which reads as empty [JGI-BODY-3] */
    BodyInput(Transport transport, BodyReader reader) {
        this.transport = transport;
        this.reader = reader;
        this.ended = reader == null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (!current.hasRemaining()) {
                if (next != null) {
                    current = next;
                    next = null;
                    if (!ended) {
                        askAhead();
                    }
                    continue;
                }
                if (failure != null) {
                    throw failure;
                }
                if (ended) {
                    return -1;
                }
                ask();
                try {
                    arrived.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the request body");
                }
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Asks the I/O thread for the next piece unless a piece is already on its way. Holds the lock. */
    private void ask() {
        if (!asked) {
            asked = true;
            transport.execute(() -> reader.demand(this));
        }
    }

    /**
     * Asks for the piece after the one just taken. The application may answer without reading it,
     * and the exchange may be over by the time the I/O thread gets to it: Undertow has then ended
     * the request's channel, and a read there would say the client left.
     */
    private void askAhead() {
        if (!asked) {
            asked = true;
            transport.execute(() -> {
                if (!transport.exchange.isComplete()) {
                    reader.demand(this);
                }
            });
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return current.remaining();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void piece(ByteBuffer data, boolean last) {
        signal(() -> {
            next = data;
            ended = last;
        });
    }

    @Override
    public void end() {
        signal(() -> ended = true);
    }

    @Override
    public void failed(IOException cause) {
        signal(() -> failure = cause);
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            asked = false;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
