package dev.jgi.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** Real image bytes for the tests: the format's signature, then deterministic noise. */
final class Images {

    private Images() {}

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A PNG-signed file of {@code size} bytes. */
    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        return bytes;
    }

    /** {@code size} bytes of a PNG-signed file, generated as they are read, never all in memory. */
    static InputStream pngStream(long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int b = position < PNG_SIGNATURE.length
                        ? PNG_SIGNATURE[(int) position] & 0xff
                        : (int) (position * 31 & 0xff);
                position++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return n;
            }
        };
    }

    /** A stream that gives {@code bytes} and then fails, as a client that disconnects mid-upload. */
    static InputStream breaking(byte[] bytes) {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position >= bytes.length) {
                    throw new IOException("client went away");
                }
                return bytes[position++] & 0xff;
            }

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                if (position >= bytes.length) {
                    throw new IOException("client went away");
                }
                int count = Math.min(length, bytes.length - position);
                System.arraycopy(bytes, position, into, offset, count);
                position += count;
                return count;
            }
        };
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
