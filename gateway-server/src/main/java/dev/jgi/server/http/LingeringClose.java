package dev.jgi.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * The lingering close of an HTTP/1.1 connection that the server ends after an answer while the
 * client may still be sending (a 413 before the body, a 400, a 408, a 414 or 431 for the head):
 * closing a socket with unread bytes makes the kernel send a reset, which can destroy the answer
 * before the client read it. Undertow's close after an exchange shuts the output down and then
 * reads, but closes at the first byte read; {@link #closeAfterRawAnswer} does the same for an
 * answer written with no exchange. From {@link #discard()} on,
 * as nginx's {@code lingering_close} does, every byte the client goes on sending is read and
 * discarded, until the client closes its side, or {@link #MAX_BYTES} were discarded, or
 * {@link #MAX_MILLIS} passed: then a read answers the end of the stream and Undertow closes. Before
 * that it passes every byte on unchanged. It sits directly on the socket, below the scanners. Reads
 * happen on the thread that closes the connection (the I/O thread, or the one that ended the
 * exchange).
 */
final class LingeringClose extends AbstractStreamSourceConduit<StreamSourceConduit> {

    /** The longest a connection lingers after its answer (nginx's {@code lingering_time} is 30 s). */
    static final long MAX_MILLIS = 5000;

    /** The most bytes discarded while lingering: the rest of an upload far over the body limit is cut off. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /**
     * Where every lingering connection's discarded bytes go: one buffer for the process, not one per
     * connection, since what is written there is never read. Each read takes its own view of it
     * (the position and limit are per read), so concurrent reads on several threads only overwrite
     * each other's garbage. Direct, so that the socket reads into it with no copy through the JDK's
     * per-thread temporary buffers.
     */
    private static final ByteBuffer DISCARDED = ByteBuffer.allocateDirect(16 * 1024);

    /** When the lingering ends, by {@link System#nanoTime()}; set once, by {@link #discard()}. */
    private volatile long deadline;

    private volatile boolean lingering;
    private long discarded;

    LingeringClose(StreamSourceConduit next) {
        super(next);
    }

    /** Discards from now on. May be called on any thread, before Undertow's close reads; once only counts. */
    void discard() {
        if (!lingering) {
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_MILLIS);
            lingering = true;
        }
    }

    /**
     * Closes lingering after an answer written on the raw connection, before any exchange: the
     * output is shut down (FIN, and close_notify under TLS) and what the client still sends is
     * discarded until it closes its side or the bounds are reached. Undertow's read listener must not
     * read from here on: it closes at once when it finds the output shut down, with the client's
     * bytes unread, which resets the connection; so this connection's reads become this one's. A
     * client that neither sends nor closes is closed after {@link #MAX_MILLIS}. Called on the
     * connection's I/O thread once the answer was written.
     */
    void closeAfterRawAnswer(StreamConnection connection) {
        discard();
        connection.getSourceChannel().getReadSetter().set(channel -> readToEnd(connection));
        connection.getIoThread().executeAfter(() -> IoUtils.safeClose(connection), MAX_MILLIS, TimeUnit.MILLISECONDS);
        try {
            connection.getSinkChannel().shutdownWrites();
            // An answer the socket could not take at once is cut off by the timer above.
            connection.getSinkChannel().flush();
        } catch (IOException gone) {
            IoUtils.safeClose(connection);
            return;
        }
        connection.getSourceChannel().resumeReads();
    }

    /** Reads (discarding, below the scanners) what arrived; closes at the end of the stream or the bounds. */
    private static void readToEnd(StreamConnection connection) {
        try {
            // Every byte read is discarded here, so a read answers 0 or the end of the stream.
            if (connection.getSourceChannel().read(ByteBuffer.allocate(1)) < 0) {
                IoUtils.safeClose(connection);
            }
        } catch (IOException gone) {
            IoUtils.safeClose(connection);
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return lingering ? drain() : next.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offs, int len) throws IOException {
        return lingering ? drain() : next.read(dsts, offs, len);
    }

    /** Discards what arrived: 0 while the client may still send within the bounds, else -1. */
    private int drain() throws IOException {
        ByteBuffer discard = DISCARDED.duplicate();
        while (true) {
            if (discarded > MAX_BYTES || System.nanoTime() - deadline > 0) {
                return -1;
            }
            discard.clear();
            int n = next.read(discard);
            if (n <= 0) {
                return n;
            }
            discarded += n;
        }
    }
}
