package dev.jgi.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.StreamConnection;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * Sees the 400 that Undertow's own HTTP/1.1 parser writes, with no exchange, before it closes a
 * connection whose request it cannot parse: that answer would otherwise reach neither the access log
 * nor the metrics. Undertow writes it as one fixed string; a response of an exchange always carries
 * more (a date, a body or another header), so the exact string is Undertow's refusal. It never
 * changes a byte. Writes happen on the connection's I/O thread.
 */
final class ParserRefusals extends AbstractStreamSinkConduit<StreamSinkConduit> {

    /** What Undertow's {@code HttpReadListener} writes when it cannot parse a request. */
    private static final byte[] BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);

    /** Told of a refusal; one for all connections, so that a connection holds no closure of its own. */
    interface Listener {
        void refused(StreamConnection connection);
    }

    private final StreamConnection connection;
    private final Listener listener;

    /** @param listener told once Undertow's parser refused a request on {@code connection} */
    ParserRefusals(StreamSinkConduit next, StreamConnection connection, Listener listener) {
        super(next);
        this.connection = connection;
        this.listener = listener;
    }

    /** The length of Undertow's refusal, as logged. */
    static int length() {
        return BAD_REQUEST.length;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (src.remaining() == BAD_REQUEST.length && src.equals(ByteBuffer.wrap(BAD_REQUEST))) {
            listener.refused(connection);
        }
        return next.write(src);
    }
}
