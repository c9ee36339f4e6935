package dev.jgi.server.http;

import dev.jgi.kernel.syntax.Ascii;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids for logs: an {@code x-request-id} a trusted proxy sent, or one made here from a
 * per-process prefix and a counter (unique within the process, cheap to make).
 */
final class RequestIds {

    private static final String PREFIX =
            HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private static final AtomicLong NEXT = new AtomicLong();

    private RequestIds() {}

    static String next() {
        return PREFIX + '-' + Long.toHexString(NEXT.incrementAndGet());
    }

    /** Whether a proxy-supplied id is safe to log as it is. */
    static boolean isAcceptable(String id) {
        if (id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!Ascii.isLetterOrDigit(c) && "-_.:".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
