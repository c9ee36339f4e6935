package dev.jgi.kernel.websocket;

import dev.jgi.api.Body;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * The body of a response that refuses a handshake, in memory: a deny carries its body as one
 * buffer [JGI-WS-4]. A refusal is a short message, so a body over {@link #MAX_BYTES} fails the
 * application (the client gets 500) rather than filling memory.
 */
final class DenyBody {

    /** The largest body a refusal may carry. */
    static final int MAX_BYTES = 64 * 1024;

    private DenyBody() {}

    static ByteBuffer bytes(Body body) throws IOException {
        Capped out = new Capped();
        switch (body) {
            case Body.Empty empty -> {
                return ByteBuffer.allocate(0);
            }
            case Body.Bytes bytes -> Channels.newChannel(out).write(bytes.data());
            case Body.Text text -> out.write(text.text().getBytes(text.charset()));
            case Body.FileRegion region -> {
                try (FileChannel file = FileChannel.open(region.path(), StandardOpenOption.READ);
                        InputStream in = Channels.newInputStream(file.position(region.offset()))) {
                    long wanted = region.length().orElse(Long.MAX_VALUE);
                    out.write(in.readNBytes((int) Math.min(wanted, MAX_BYTES + 1L)));
                }
            }
            case Body.Stream stream -> {
                try (InputStream in = stream.input()) {
                    copy(in, out);
                }
            }
            case Body.Writer writer -> writer.writeTo(out);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] chunk = new byte[8192];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            out.write(chunk, 0, n);
        }
    }

    /** Memory that refuses to grow past {@link #MAX_BYTES}. */
    private static final class Capped extends ByteArrayOutputStream {
        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (count + (long) length > MAX_BYTES) {
                throw new IllegalStateException(
                        "[JGI-WS-14] a response that refuses a WebSocket handshake holds at most " + MAX_BYTES
                                + " body bytes");
            }
            super.write(bytes, offset, length);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }
}
