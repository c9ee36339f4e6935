package dev.jgi.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ReadReadyHandler;
import org.xnio.conduits.StreamSourceConduit;
import org.xnio.ssl.SslConnection;

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
 *
 * <p>An HTTP/2 connection is closed by Undertow with no read after its GOAWAY, through XNIO's
 * {@code Connection.close()}, which closes the socket with the client's bytes unread: the kernel
 * answers with a reset, which drops a GOAWAY not yet sent (RFC 9113 sections 6.8 and 9.1 want it
 * read, and the connection closed gracefully). Undertow is given a
 * {@link #wrap wrapped} connection instead, whose close {@link #closeWhenDone lingers} here before
 * the socket closes.
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

    /** Whether a close of the wrapped connection lingers: it speaks HTTP/2. */
    private volatile boolean lingerOnClose;

    /**
     * Set once the socket is this conduit's to close ({@link #closeWhenDone}): from then on the
     * channel above, which Undertow closed, no longer steers reads.
     */
    private volatile boolean owned;

    /** The read handler of the channel above, told that its reads ended once they ended for it. */
    private ReadReadyHandler above;

    LingeringClose(StreamSourceConduit next) {
        super(next);
    }

    /**
     * Makes Undertow's close of an HTTP/1.1 connection after a response that ends it linger: it shuts
     * writes down and reads until the end of the stream, which this conduit delays until
     * the client stopped sending (Undertow alone closes at the first byte read, with a reset).
     */
    void lingerIfClosing(io.undertow.server.HttpServerExchange done) {
        if (!done.isPersistent()
                && !done.isUpgrade()
                && done.getConnection() instanceof io.undertow.server.protocol.http.HttpServerConnection) {
            discard();
        }
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

    /**
     * The connection to give Undertow instead of {@code socket}, whose source conduit is this one:
     * it is {@code socket} in all but its close, which lingers once {@link #lingerOnClose()} was
     * called. A TLS one stays an {@link SslConnection}, the only way Undertow learns of its session.
     */
    StreamConnection wrap(StreamConnection socket) {
        return socket instanceof SslConnection tls
                ? new LingeringTlsConnection(tls, this)
                : new LingeringConnection(socket, this);
    }

    /** The connection speaks HTTP/2: a close of its {@link #wrap wrapper} lingers from now on. */
    void lingerOnClose() {
        lingerOnClose = true;
    }

    /**
     * Closes {@code socket}, whose wrapper Undertow closed with {@code sink}, its sink channel: at
     * once for HTTP/1.1 (which lingered before, if at all), else lingering: the output is shut down
     * (FIN after the GOAWAY, close_notify first under TLS) and what the client still sends is read
     * and discarded, on the I/O thread, until it closes its side, or the bounds are reached, or
     * {@link #MAX_MILLIS} passed. Called once, on any thread.
     */
    void closeWhenDone(StreamConnection socket, ConduitStreamSinkChannel sink) {
        if (!lingerOnClose || !socket.isOpen()) {
            IoUtils.safeClose(socket);
            return;
        }
        discard();
        owned = true;
        try {
            sink.shutdownWrites();
            // A GOAWAY the socket could not take at once is cut off by the timer below.
            sink.flush();
        } catch (IOException gone) {
            IoUtils.safeClose(socket);
            return;
        }
        XnioIoThread thread = socket.getIoThread();
        thread.execute(() -> {
            next.setReadReadyHandler(new ReadToEnd(socket));
            thread.executeAfter(() -> IoUtils.safeClose(socket), MAX_MILLIS, TimeUnit.MILLISECONDS);
            next.resumeReads();
        });
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
    public void setReadReadyHandler(ReadReadyHandler handler) {
        above = handler;
        if (!owned) {
            next.setReadReadyHandler(handler);
        }
    }

    @Override
    public void resumeReads() {
        if (!owned) {
            next.resumeReads();
        }
    }

    @Override
    public void suspendReads() {
        if (!owned) {
            next.suspendReads();
        }
    }

    @Override
    public void wakeupReads() {
        if (!owned) {
            next.wakeupReads();
        }
    }

    /**
     * Once the socket lingers here, ending the reads above tells the channel above (its close
     * listener: Undertow's HTTP/2 channel finishes its close with it) and leaves the socket open.
     */
    @Override
    public void terminateReads() throws IOException {
        if (!owned) {
            next.terminateReads();
            return;
        }
        ReadReadyHandler handler = above;
        above = null;
        if (handler != null) {
            handler.terminated();
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

    /** Drains the socket of a connection Undertow closed, and closes it at the end of the stream or the bounds. */
    private final class ReadToEnd implements ReadReadyHandler {
        private final StreamConnection socket;

        ReadToEnd(StreamConnection socket) {
            this.socket = socket;
        }

        @Override
        public void readReady() {
            try {
                if (drain() < 0) {
                    IoUtils.safeClose(socket);
                }
            } catch (IOException gone) {
                IoUtils.safeClose(socket);
            }
        }

        @Override
        public void forceTermination() {
            IoUtils.safeClose(socket);
        }

        @Override
        public void terminated() {
            // The socket closed: nothing is left to read.
        }
    }
}
