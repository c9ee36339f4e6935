package dev.jgi.server.log;

import dev.jgi.kernel.syntax.Ascii;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The request a log line is about: its id [JGI-REQ-8] and, when the client or a proxy sent a W3C
 * {@code traceparent}, its trace id. Set on the thread that runs a sync application's request, so
 * that the application's own log lines (java.util.logging, or SLF4J through its JUL binding) carry
 * them too.
 *
 * @param requestId the request id
 * @param traceId   32 lowercase hex digits, or null without a valid {@code traceparent}
 */
public record LogContext(String requestId, String traceId) {

    private static final ThreadLocal<LogContext> CURRENT = new ThreadLocal<>();

    /**
     * The request the current thread works for, if any. Never on an I/O thread: it serves many
     * requests in turn, so its last one is no guide to what a line there is about.
     */
    public static Optional<LogContext> current() {
        return Thread.currentThread() instanceof org.xnio.XnioIoThread
                ? Optional.empty()
                : Optional.ofNullable(CURRENT.get());
    }

    /** Makes this the current thread's request, until the next one replaces it. */
    void enter() {
        CURRENT.set(this);
    }

    /**
     * An executor that runs each task in the log context current where it was handed over: the
     * request's, when the gateway hands a request to the application's thread.
     */
    public static Executor propagating(Executor executor) {
        return task -> {
            LogContext context = CURRENT.get();
            if (context == null) {
                executor.execute(task);
                return;
            }
            executor.execute(() -> {
                CURRENT.set(context);
                try {
                    task.run();
                } finally {
                    CURRENT.remove();
                }
            });
        };
    }

    /**
     * The trace id of a W3C {@code traceparent} field value ({@code 00-TRACEID-PARENTID-FLAGS}), or
     * null when absent or malformed: 32 lowercase hex digits, not all zero.
     */
    public static String traceId(String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-') {
            return null;
        }
        String version = traceparent.substring(0, 2);
        if (!hex(version) || version.equals("ff") || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return null;
        }
        String trace = traceparent.substring(3, 35);
        if (!hex(trace) || trace.chars().allMatch(c -> c == '0') || !hex(traceparent.substring(36, 52))) {
            return null;
        }
        return version.equals("00") && traceparent.length() != 55 ? null : trace;
    }

    private static boolean hex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Ascii.isDigit(c) && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
