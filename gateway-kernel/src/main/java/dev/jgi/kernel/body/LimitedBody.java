package dev.jgi.kernel.body;

import dev.jgi.api.BodyTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
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
    private final BodyBudget budget;

    /**
     * @param body      the server's body stream, which enforces the server's own limit [JGI-LIM-3]
     * @param announced the body's length when known before reading ({@code Request.bodyLength()})
     */
    public LimitedBody(InputStream body, OptionalLong announced) {
        this.body = Objects.requireNonNull(body, "body");
        this.budget = new BodyBudget(announced);
    }

    /** Lowers the limit to {@code maxBytes}; a higher value changes nothing. */
    public void lower(long maxBytes) {
        budget.lower(maxBytes);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        Optional<BodyTooLargeException> early = budget.beforeRead();
        if (early.isPresent()) {
            throw early.get();
        }
        int n = body.read(b, off, budget.room(len));
        if (n > 0) {
            Optional<BodyTooLargeException> over = budget.take(n);
            if (over.isPresent()) {
                throw over.get();
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
}
