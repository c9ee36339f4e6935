package dev.jgi.server.http;

import dev.jgi.server.log.RateLimitedWarning;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts requests in flight, for the concurrency cap [JGI-LIM-6] and for graceful shutdown. */
public final class InFlight {

    private final int max;
    private final AtomicInteger count = new AtomicInteger();
    private final Object drained = new Object();
    private final RateLimitedWarning atCap;

    /** @param max the cap, 0 for none */
    public InFlight(int max) {
        this.max = max;
        this.atCap = new RateLimitedWarning(
                "the in-flight cap (--max-concurrent " + max + ") is reached: requests beyond it are answered 503",
                Duration.ofSeconds(10));
    }

    boolean tryAcquire() {
        if (max == 0) {
            count.incrementAndGet();
            return true;
        }
        while (true) {
            int now = count.get();
            if (now >= max) {
                atCap.occurred();
                return false;
            }
            if (count.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        if (count.decrementAndGet() == 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    public int current() {
        return count.get();
    }

    /** Waits until no request is in flight or {@code millis} passed; true when drained. */
    public boolean awaitDrained(long millis) throws InterruptedException {
        // nanoTime, not the wall clock: a millisecond clock ends the wait up to a millisecond early.
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (drained) {
            while (count.get() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.wait(Math.min(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left) + 1, 50));
            }
        }
        return true;
    }
}
