package dev.jgi.kernel.body;

import dev.jgi.api.BodyTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A request body under a limit that only goes down [JGI-LIM-7]. A server hands the application
 * this stream as {@code Exchange.body()} and implements {@code Exchange.limitBody} with
 * {@link #lower}. Reads run on the application's thread; {@link #lower} may come from another.
 */
public final class LimitedBody extends InputStream {

    /** The status that answers a failure caused by a body over a limit [JGI-LIM-8]. */
    public static final int TOO_LARGE = 413;

    private final InputStream body;
    private final OptionalLong announced;
    private volatile long limit = Long.MAX_VALUE;
    private long delivered;

    /**
     * @param body      the server's body stream, which enforces the server's own limit [JGI-LIM-3]
     * @param announced the body's length when known before reading ({@code Request.bodyLength()})
     */
    public LimitedBody(InputStream body, OptionalLong announced) {
        this.body = Objects.requireNonNull(body, "body");
        this.announced = Objects.requireNonNull(announced, "announced");
    }

    /** Lowers the limit to {@code maxBytes}; a higher value changes nothing. */
    public void lower(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("[JGI-LIM-7] a body limit must not be negative: " + maxBytes);
        }
        synchronized (this) {
            limit = Math.min(limit, maxBytes);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        long max = limit;
        // Before any byte is read, so that a client waiting for 100 Continue never gets it [JGI-BODY-4].
        if (announced.isPresent() && announced.getAsLong() > max) {
            throw tooLarge(max);
        }
        // One byte past the limit is enough to tell a body that ends at it from one that goes on.
        int room = max == Long.MAX_VALUE ? len : (int) Math.min(len, max - delivered + 1);
        int n = body.read(b, off, room);
        if (n > 0) {
            delivered += n;
            if (delivered > max) {
                throw tooLarge(max);
            }
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return body.available();
    }

    @Override
    public void close() throws IOException {
        body.close();
    }

    /** Whether {@code failure}, or a cause of it, is a body over a limit, which a server answers 413. */
    public static boolean causedByLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static BodyTooLargeException tooLarge(long max) {
        return new BodyTooLargeException(
                "[JGI-LIM-7] the request body is larger than this exchange's limit of " + max + " bytes", max);
    }
}
