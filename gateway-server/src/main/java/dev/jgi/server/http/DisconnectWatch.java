package dev.jgi.server.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Notices, on the I/O thread, that the client went away while its application waits without
 * reading or writing: an async application in {@code receive} after the body's end [JGI-DISC-3], a
 * sync one asking {@code isDisconnected} [JGI-DISC-2]. Undertow learns of a closed connection or a
 * reset stream only at the exchange's next read or write, which may never come.
 *
 * <ul>
 *   <li>HTTP/1.x: the connection is read while the exchange runs. End of stream or a failed read
 *       means the client left. Bytes that arrive instead are the client's next (pipelined) request:
 *       they are handed to Undertow as the connection's unparsed bytes, exactly as its own request
 *       reader keeps them, and the watch ends.
 *   <li>HTTP/2: a stream reset or a closed connection closes the stream's sink channel and wakes
 *       its write listener even when writes are not resumed; the watch is that listener, installed
 *       on the connection's sink channel so that the response channel (whose creation fixes the
 *       status and framing) need not exist yet. A send that starts later replaces it, and notices
 *       the reset itself when it writes.
 * </ul>
 *
 * Armed at most once per exchange, and only once the request body has ended: reading the
 * connection earlier would take body bytes. It ends with the exchange.
 */
final class DisconnectWatch {

    private static final AttachmentKey<DisconnectWatch> KEY = AttachmentKey.create(DisconnectWatch.class);

    private final HttpServerExchange exchange;
    private final Runnable gone;
    private boolean over;

    private DisconnectWatch(HttpServerExchange exchange, Runnable gone) {
        this.exchange = exchange;
        this.gone = gone;
    }

    /**
     * Watches the exchange's client; {@code gone} runs once, on the I/O thread, when it left. I/O
     * thread only.
     *
     * @return whether the exchange is watched (now or already); false while its request body is unread
     *     or after it ended
     */
    static boolean arm(HttpServerExchange exchange, Runnable gone) {
        if (exchange.getAttachment(KEY) != null) {
            return true;
        }
        if (exchange.isComplete() || !exchange.isRequestComplete() || exchange.isUpgrade()) {
            return false;
        }
        DisconnectWatch watch = new DisconnectWatch(exchange, gone);
        boolean armed = exchange.getConnection() instanceof HttpServerConnection http1
                ? watch.read(http1)
                : watch.listen(Connectors.getConduitSinkChannel(exchange));
        if (armed) {
            exchange.putAttachment(KEY, watch);
            exchange.addExchangeCompleteListener((ex, next) -> {
                watch.over = true;
                next.proceed();
            });
        }
        return armed;
    }

    private boolean read(HttpServerConnection connection) {
        if (connection.getExtraBytes() != null) {
            // The client already sent its next request: the connection has no end of stream to see.
            return false;
        }
        // Below the request's framing conduit, which reports the end of the body, not of the
        // connection, and ignores resumes once the body is whole; its events still reach the channel.
        StreamSourceConduit socket = connection.getOriginalSourceConduit();
        ConduitStreamSourceChannel source = connection.getChannel().getSourceChannel();
        source.setReadListener(channel -> {
            if (over) {
                socket.suspendReads();
                return;
            }
            PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
            boolean kept = false;
            try {
                int n = socket.read(pooled.getBuffer());
                if (n == 0) {
                    return;
                }
                socket.suspendReads();
                over = true;
                if (n > 0) {
                    pooled.getBuffer().flip();
                    connection.setExtraBytes(pooled);
                    kept = true;
                    return;
                }
            } catch (IOException reset) {
                socket.suspendReads();
                over = true;
            } finally {
                if (!kept) {
                    pooled.close();
                }
            }
            gone.run();
        });
        socket.resumeReads();
        return true;
    }

    private boolean listen(ConduitStreamSinkChannel sink) {
        if (sink.isWriteResumed()) {
            // A send waits for the channel: it sees the reset when it writes.
            return false;
        }
        sink.setWriteListener(channel -> {
            if (over) {
                channel.suspendWrites();
            } else if (!channel.isOpen() || !exchange.getConnection().isOpen()) {
                over = true;
                gone.run();
            } else {
                channel.suspendWrites();
            }
        });
        return true;
    }
}
