package dev.jgi.testing;

import java.io.IOException;
import java.time.Duration;

/**
 * Waits for what a test cannot wait on directly: a count another thread or process updates, a
 * port that starts accepting. The check runs at once and then again after short, growing pauses
 * (1 ms doubling to 100 ms) until it passes or the deadline passes; then the test fails with the
 * check's last failure as the cause. The tests' one polling loop: no test sleeps in a loop of its
 * own.
 *
 * <p>A check that throws {@link AssertionError} (not true yet) or {@link IOException} (not
 * reachable yet) is tried again; any other exception ends the wait at once, so that a process
 * found dead is reported as such, not as a timeout.
 */
public final class Eventually {

    /**
     * The default deadline: generous, because the tests share a loaded machine; a condition that
     * holds at all holds well within it, and a passing check returns at its first success.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final long FIRST_PAUSE_NANOS = Duration.ofMillis(1).toNanos();
    private static final long LONGEST_PAUSE_NANOS = Duration.ofMillis(100).toNanos();

    /** A condition stated as assertions. */
    @FunctionalInterface
    public interface Check {
        void verify() throws Exception;
    }

    private Eventually() {}

    /** Waits until {@code check} passes, for {@link #TIMEOUT} at most. */
    public static void eventually(Check check) throws InterruptedException {
        eventually(TIMEOUT, check);
    }

    /** Waits until {@code check} passes, for {@code timeout} at most. */
    public static void eventually(Duration timeout, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            Throwable failure;
            try {
                check.verify();
                return;
            } catch (AssertionError | IOException notYet) {
                failure = notYet;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("the awaited check failed: " + e, e);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not so within " + timeout + ": " + failure.getMessage(), failure);
            }
            Thread.sleep(Duration.ofNanos(Math.min(pause, left)));
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }
}
