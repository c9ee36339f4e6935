package dev.jgi.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * A source conduit that shows every byte Undertow reads to a scanner, in order, without changing
 * it. Bytes that bypass the read methods (a transfer straight into a channel) cannot be shown, so
 * the scanner then stops for the rest of the connection. All calls happen on the connection's I/O
 * thread.
 */
abstract class ScanningConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

    ScanningConduit(StreamSourceConduit next) {
        super(next);
    }

    /** Sees bytes {@code from} (inclusive) to {@code to} (exclusive) of {@code buffer}, just read. */
    abstract void scan(ByteBuffer buffer, int from, int to);

    /** Some bytes went past unseen: where messages or frames begin is unknowable from now on. */
    abstract void stopScanning();

    /** Reads into {@code dst} and scans what arrived. */
    final int readScanned(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int n = next.read(dst);
        if (n > 0) {
            scan(dst, start, start + n);
        }
        return n;
    }

    /** Reads into the buffers and scans what each received; {@code starts} gets their positions before the read. */
    final long readScanned(ByteBuffer[] dsts, int offs, int len, int[] starts) throws IOException {
        for (int i = 0; i < len; i++) {
            starts[i] = dsts[offs + i].position();
        }
        long n = next.read(dsts, offs, len);
        if (n > 0) {
            for (int i = 0; i < len; i++) {
                scan(dsts[offs + i], starts[i], dsts[offs + i].position());
            }
        }
        return n;
    }

    @Override
    public final long transferTo(long position, long count, FileChannel target) throws IOException {
        stopScanning();
        return next.transferTo(position, count, target);
    }

    @Override
    public final long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        stopScanning();
        return next.transferTo(count, throughBuffer, target);
    }
}
