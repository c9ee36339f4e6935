package dev.jgi.kernel.body;

import dev.jgi.api.BodyTooLargeException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is left of an exchange's body limit, a limit that only goes down [JGI-LIM-7] [JGI-LIM-9].
 * A sync body ({@link LimitedBody}) and an async channel's body events count against it the same
 * way. {@link #lower} may come from any thread.
 */
public final class BodyBudget {

    private final OptionalLong announced;
    private volatile long limit = Long.MAX_VALUE;
    private long delivered;

    /** @param announced the body's length when known before reading ({@code Request.bodyLength()}) */
    public BodyBudget(OptionalLong announced) {
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

    /**
     * The failure of a read about to start, when the announced length is already over the limit:
     * checked before any byte is read, so that a client waiting for 100 Continue never gets it
     * [JGI-BODY-4].
     */
    public Optional<BodyTooLargeException> beforeRead() {
        long max = limit;
        return announced.isPresent() && announced.getAsLong() > max ? Optional.of(tooLarge(max)) : Optional.empty();
    }

    /**
     * How many bytes the next read may ask for, {@code wanted} at most: one byte past the limit is
     * enough to tell a body that ends at it from one that goes on.
     */
    public int room(int wanted) {
        long max = limit;
        return max == Long.MAX_VALUE ? wanted : (int) Math.min(wanted, Math.max(0, max - delivered) + 1);
    }

    /** Counts {@code bytes} delivered; the failure when they cross the limit. */
    public Optional<BodyTooLargeException> take(long bytes) {
        long max = limit;
        delivered += bytes;
        return delivered > max ? Optional.of(tooLarge(max)) : Optional.empty();
    }

    private static BodyTooLargeException tooLarge(long max) {
        return new BodyTooLargeException(
                "[JGI-LIM-7] the request body is larger than this exchange's limit of " + max + " bytes", max);
    }
}
