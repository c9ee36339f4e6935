package dev.jgi.server.http;

/**
 * The buffers a {@link HeadScanner} copies a request head into while it arrives. A scanner holds
 * one only while a head is partly read: an idle keep-alive connection holds none. Each thread keeps
 * one spare, so the I/O thread that scans one complete head after another reuses the same array
 * instead of allocating one per request; a connection whose head is still arriving keeps its own.
 */
final class HeadBuffer {

    /** Enough for most request heads; a longer one grows its buffer up to the head limit. */
    static final int SIZE = 512;

    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private HeadBuffer() {}

    /** A buffer of {@link #SIZE} bytes: the thread's spare, or a new one. */
    static byte[] take() {
        byte[] spare = SPARE.get();
        if (spare == null) {
            return new byte[SIZE];
        }
        SPARE.set(null);
        return spare;
    }

    /** Keeps {@code buffer} as the thread's spare, unless it grew or the thread has one already. */
    static void give(byte[] buffer) {
        if (buffer.length == SIZE && SPARE.get() == null) {
            SPARE.set(buffer);
        }
    }
}
