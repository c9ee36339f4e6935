package dev.jgi.jaxrs;

import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request body as Jersey's entity stream: one {@link Channel#receive} per exhausted piece, so
 * the server reads ahead no more than it chooses to [JGI-STREAM-5]. The same receive order later
 * carries the {@link Event.Disconnect} a suspended exchange waits for; a lock keeps the two callers
 * to one pending receive [JGI-STREAM-4].
 */
final class EventInput extends InputStream {

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private ByteBuffer current = ByteBuffer.allocate(0);
    private boolean ended;
    private boolean disconnected;

    EventInput(Channel channel) {
        this.channel = channel;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            if (len == 0) {
                return 0;
            }
            while (!current.hasRemaining()) {
                if (ended) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        } finally {
            lock.unlock();
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

    /**
     * Skips what is left of the body, then waits for the exchange's {@link Event.Disconnect}: the
     * response was sent [JGI-DISC-3] or, where the server declares the disconnect signal, the
     * client went away [JGI-DISC-8].
     */
    void awaitDisconnect() throws IOException {
        lock.lock();
        try {
            current = ByteBuffer.allocate(0);
            while (!ended) {
                next();
            }
            while (!disconnected) {
                if (Stages.await(channel.receive()) instanceof Event.Disconnect) {
                    disconnected = true;
                }
            }
        } catch (ClientDisconnectedException gone) {
            // The client left while the body was being skipped: that is the disconnect awaited.
        } finally {
            lock.unlock();
        }
    }

    private void next() throws IOException {
        switch (Stages.await(channel.receive())) {
            case Event.RequestBody piece -> {
                current = piece.data();
                ended = piece.last();
            }
            case Event.Disconnect gone -> {
                ended = true;
                disconnected = true;
                throw new ClientDisconnectedException("[JGI-BODY-8] the client went away before the body ended");
            }
            default -> throw new IllegalStateException("[JGI-ASYNC-2] not an HTTP body event");
        }
    }
}
