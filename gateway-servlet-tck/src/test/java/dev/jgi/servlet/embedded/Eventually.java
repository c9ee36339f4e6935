package dev.jgi.servlet.embedded;

import java.util.function.BooleanSupplier;

/** Waits, boundedly, for something the server does just after the client saw the response. */
final class Eventually {

    private Eventually() {}

    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
