package dev.jgi.jaxrs;

import dev.jgi.api.Action;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response entity stream: writes gather in a small buffer, {@link #flush} sends them as one
 * {@link Action.ResponseBody} and waits until the server accepted it [JGI-STREAM-2], and
 * {@link #close} sends the last piece. A write after the client left throws
 * {@link ClientDisconnectedException} [JGI-DISC-4], which is how Jersey's chunked outputs learn it.
 * Jersey may write from the exchange's thread, the application's thread and a timeout's thread, one
 * after another; the lock keeps their sends one at a time [JGI-STREAM-3].
 */
final class ChannelOutput extends OutputStream {

    /** One piece's most bytes: large enough that a JSON document of a few KiB goes as one. */
    static final int PIECE = 16 * 1024;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] buffer = new byte[PIECE];
    private int count;
    private boolean finished;
    private volatile boolean gone;

    ChannelOutput(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            open();
            while (len > 0) {
                if (count == buffer.length) {
                    send(false);
                }
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

    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            if (!finished && count > 0) {
                open();
                send(false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends the last piece, once; later calls do nothing. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (!finished && !gone) {
                send(true);
            }
            finished = true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the last piece went out. */
    boolean finished() {
        lock.lock();
        try {
            return finished;
        } finally {
            lock.unlock();
        }
    }

    /** The client left: every later write fails at once instead of waiting on a dead channel. */
    void clientLeft() {
        gone = true;
    }

    private void open() throws IOException {
        if (gone) {
            throw new ClientDisconnectedException("[JGI-DISC-4] the client went away");
        }
        if (finished) {
            throw new IOException("the response body was already complete");
        }
    }

    private void send(boolean last) throws IOException {
        ByteBuffer piece = ByteBuffer.wrap(Arrays.copyOf(buffer, count));
        count = 0;
        try {
            Stages.await(channel.send(new Action.ResponseBody(piece, !last)));
        } catch (ClientDisconnectedException e) {
            gone = true;
            throw e;
        }
    }
}
