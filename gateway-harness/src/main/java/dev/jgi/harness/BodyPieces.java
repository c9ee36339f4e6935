package dev.jgi.harness;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The request body as the client delivers it: pieces no larger than the server's bound, read as a
 * stream by sync applications and as events by async ones. Not thread-safe: one reader at a time.
 */
final class BodyPieces {

    private final Deque<ByteBuffer> pieces = new ArrayDeque<>();
    private final ClientState client;
    private final boolean dataAfterEnd;
    private long delivered;
    private boolean lastDelivered;

    BodyPieces(List<ByteBuffer> chunks, int maxPiece, ClientState client, boolean dataAfterEnd) {
        for (ByteBuffer chunk : chunks) {
            ByteBuffer rest = chunk.duplicate();
            while (rest.remaining() > maxPiece) {
                pieces.add(rest.slice(rest.position(), maxPiece));
                rest.position(rest.position() + maxPiece);
            }
            if (rest.hasRemaining()) {
                pieces.add(rest);
            }
        }
        this.client = client;
        this.dataAfterEnd = dataAfterEnd;
    }

    boolean lastDelivered() {
        return lastDelivered;
    }

    /** The next body event; after the last one, empty. */
    Optional<Event> nextEvent(boolean oneTooMany) {
        if (lastDelivered) {
            return oneTooMany
                    ? Optional.of(new Event.RequestBody(ByteBuffer.wrap(new byte[] {'!'}), true))
                    : Optional.empty();
        }
        if (!client.sendsPiece(delivered)) {
            return Optional.empty();
        }
        ByteBuffer piece = pieces.isEmpty() ? ByteBuffer.allocate(0) : pieces.poll();
        delivered++;
        lastDelivered = pieces.isEmpty();
        return Optional.of(new Event.RequestBody(piece, lastDelivered));
    }

    InputStream asStream() {
        return new Input();
    }

    /** Each read returns bytes of one piece at most, as a socket read would. */
    private final class Input extends InputStream {
        private ByteBuffer current = ByteBuffer.allocate(0);
        private boolean ended;
        private boolean misbehaved;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (!current.hasRemaining()) {
                if (ended) {
                    if (dataAfterEnd && !misbehaved) {
                        misbehaved = true;
                        current = ByteBuffer.wrap(new byte[] {'!'});
                        break;
                    }
                    return -1;
                }
                if (pieces.isEmpty()) {
                    ended = true;
                    lastDelivered = true;
                    return -1;
                }
                if (!client.sendsPiece(delivered)) {
                    throw new ClientDisconnectedException("[JGI-BODY-8] the client went away before the body ended");
                }
                current = pieces.poll();
                delivered++;
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return current.remaining();
        }
    }
}
