package dev.jgi.server.http;

import io.undertow.protocols.http2.HpackDecoder;
import io.undertow.protocols.http2.HpackException;
import io.undertow.protocols.http2.Http2Channel;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * The method and {@code :path} of each HTTP/2 request exactly as the client sent them [JGI-REQ-4]
 * [JGI-PATH-9]. Undertow removes the pseudo-header fields before the handler runs, and its parsed
 * path and query lose a lone "?". {@link StreamGuard} hands over the HEADERS and CONTINUATION frames
 * it scans; a second HPACK decoder, fed every header block in order, keeps the same dynamic table as
 * Undertow's. All calls happen on the connection's I/O thread, where Undertow also starts each
 * request, in the order the header blocks arrived.
 */
final class Http2Targets {

    /** The header table size Undertow announces (its default, which the server keeps). */
    private static final int TABLE_SIZE = 4096;

    private static final int HEADERS = 0x1;
    private static final int CONTINUATION = 0x9;
    private static final int END_HEADERS = 0x4;
    private static final int PADDED = 0x8;
    private static final int PRIORITY = 0x20;

    /** Targets of requests Undertow refused are never taken; past this many the oldest go. */
    private static final int MAX_PENDING = 256;

    /** A request's method and target as sent, and the stream it came on. */
    record Target(String method, String path, int stream) {}

    private final int maxBlock;
    private final ArrayDeque<Target> targets = new ArrayDeque<>();
    private HpackDecoder decoder = new HpackDecoder(TABLE_SIZE);
    private byte[] frame = new byte[0];
    private int frameLength;
    private int frameFilled;
    private int frameType;
    private int frameFlags;
    private byte[] block = new byte[0];
    private int blockLength;
    private int blockStream;
    private int lastRequestStream;

    /** @param maxBlock the largest header block followed; a larger one ends the tracking (Undertow refuses it too). */
    Http2Targets(int maxBlock) {
        this.maxBlock = maxBlock;
    }

    /** Whether the payload of the frame just announced is wanted through {@link #payload}. */
    boolean frame(int type, int flags, int stream, int length) {
        if (decoder == null || (type != HEADERS && type != CONTINUATION)) {
            return false;
        }
        if (length > maxBlock) {
            stop();
            return false;
        }
        if (type == HEADERS) {
            blockLength = 0;
            blockStream = stream;
        }
        frameType = type;
        frameFlags = flags;
        frameLength = length;
        frameFilled = 0;
        if (frame.length < length) {
            frame = new byte[length];
        }
        if (length == 0) {
            frameEnded();
        }
        return true;
    }

    /** The next {@code count} payload bytes of the wanted frame, at {@code from} in {@code buffer}. */
    void payload(ByteBuffer buffer, int from, int count) {
        if (decoder == null) {
            return;
        }
        buffer.get(from, frame, frameFilled, count);
        frameFilled += count;
        if (frameFilled == frameLength) {
            frameEnded();
        }
    }

    private void frameEnded() {
        int start = 0;
        int end = frameLength;
        if (frameType == HEADERS && (frameFlags & PADDED) != 0) {
            start = 1;
            end -= frameLength == 0 ? 0 : frame[0] & 0xFF;
        }
        if (frameType == HEADERS && (frameFlags & PRIORITY) != 0) {
            start += 5;
        }
        if (start > end || blockLength + end - start > maxBlock) {
            stop();
            return;
        }
        if (block.length < blockLength + end - start) {
            block = Arrays.copyOf(block, Math.max(blockLength + end - start, block.length * 2));
        }
        System.arraycopy(frame, start, block, blockLength, end - start);
        blockLength += end - start;
        if ((frameFlags & END_HEADERS) != 0) {
            decode();
        }
    }

    private void decode() {
        String[] fields = new String[2];
        decoder.setHeaderEmitter((name, value, neverIndex) -> {
            if (name.equals(Http2Channel.METHOD)) {
                fields[0] = value;
            } else if (name.equals(Http2Channel.PATH)) {
                fields[1] = value;
            }
        });
        try {
            decoder.decode(ByteBuffer.wrap(block, 0, blockLength), false);
        } catch (HpackException | RuntimeException e) {
            stop();
            return;
        }
        // A later block on a stream already started carries trailers, decoded only to keep the table.
        if (blockStream > lastRequestStream) {
            lastRequestStream = blockStream;
            if (fields[0] != null && fields[1] != null) {
                if (targets.size() == MAX_PENDING) {
                    targets.poll();
                }
                targets.add(new Target(fields[0], fields[1], blockStream));
            }
        }
    }

    /** Header blocks can no longer be followed: Undertow ends such a connection; no target is guessed. */
    private void stop() {
        decoder = null;
        targets.clear();
    }

    /**
     * The target of the request Undertow parsed as {@code method} and {@code parsed}: the oldest
     * recorded one that matches (older ones belong to streams Undertow refused), or empty.
     */
    Optional<Target> take(String method, String parsed) {
        int skipped = 0;
        for (Iterator<Target> it = targets.iterator(); it.hasNext(); skipped++) {
            Target target = it.next();
            if (target.method().equals(method)
                    && (target.path().equals(parsed) || target.path().equals(parsed + "?"))) {
                for (int i = 0; i <= skipped; i++) {
                    targets.poll();
                }
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }
}
