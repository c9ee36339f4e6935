package dev.jgi.server.runtime;

import dev.jgi.server.log.ServerLog;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps XNIO's accept back-off short and quiet. When an accept fails (most often because the
 * process ran out of file descriptors), XNIO 3.8 stops accepting for 250 ms, then 1 s, 4 s, 16 s
 * and up to 30 s, and logs every failure: after a flood of 1,500 connections ended, the server
 * stayed dark for 26.5 s. XNIO has no option for either, so after each failure this resets the
 * back-off time of the listeners' accept handles, which keeps every back-off at XNIO's shortest
 * (250 ms), and replaces XNIO's line per failure with one WARN when accepts start failing and one
 * INFO when they succeed again.
 *
 * <p>XNIO reports the failure by a log record on its own I/O thread right after it scheduled the
 * back-off; a filter on that logger is the only hook it offers. Like {@link InheritedListener},
 * this reaches package-private XNIO state (the pinned version's {@code
 * NioTcpServerHandle.backOffTime}); if that changes, the server warns at start-up and the
 * hostile-client test {@code DescriptorExhaustionIT} fails.
 */
final class AcceptBackOff {

    /** XNIO's message id for "Socket accept failed, backing off for N milliseconds". */
    private static final String ACCEPT_FAILED = "XNIO008001";

    /** How long accepts must not fail for an episode of failures to end. */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Logger XNIO = Logger.getLogger("org.xnio.nio");
    private static final Set<AcceptBackOff> LIVE = ConcurrentHashMap.newKeySet();

    static {
        XNIO.setFilter(AcceptBackOff::publish);
    }

    private final List<Object> handles = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong failingSince = new AtomicLong();
    private final AtomicLong lastFailure = new AtomicLong();
    private volatile boolean failing;

    /** Watches the accept handles of the listeners given to {@link #watch} until {@link #close}. */
    static AcceptBackOff open() {
        AcceptBackOff backOff = new AcceptBackOff();
        LIVE.add(backOff);
        return backOff;
    }

    /** Keeps the back-off of {@code listener} short; warns once when XNIO's internals do not fit. */
    void watch(Object listener) {
        List<Object> found = new ArrayList<>();
        try {
            collectHandles(listener, found, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            found.clear();
        }
        if (found.isEmpty()) {
            ServerLog.warn(
                    null,
                    "the accept back-off of " + listener.getClass().getName()
                            + " cannot be bounded with this XNIO version: after running out of file descriptors,"
                            + " the server may not accept for up to 30 s");
            return;
        }
        handles.addAll(found);
    }

    /**
     * A connection was accepted: when accepts had been failing, and none failed for {@link
     * #QUIET_NANOS}, the one line that says they succeed again (while descriptors are short, a
     * closing connection lets one accept through between failures: the same episode). Called on
     * an I/O thread for every accepted connection; costs a volatile read.
     */
    void accepted() {
        if (failing) {
            synchronized (this) {
                if (!failing || System.nanoTime() - lastFailure.get() < QUIET_NANOS) {
                    return;
                }
                failing = false;
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failingSince.get());
                ServerLog.info("accepting connections again after " + millis + " ms; " + failures.getAndSet(0)
                        + " accepts failed meanwhile");
            }
        }
    }

    void close() {
        LIVE.remove(this);
        handles.clear();
    }

    /** The filter on XNIO's logger: false drops the record, when a live server took care of it. */
    private static boolean publish(LogRecord record) {
        String message = record.getMessage();
        if (message == null || !message.contains(ACCEPT_FAILED)) {
            return true;
        }
        boolean handled = false;
        for (AcceptBackOff backOff : LIVE) {
            handled |= backOff.failed(message);
        }
        return !handled;
    }

    private boolean failed(String message) {
        if (handles.isEmpty()) {
            return false;
        }
        for (Object handle : handles) {
            try {
                backOffTime(handle).setInt(handle, 0);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
        failures.incrementAndGet();
        lastFailure.set(System.nanoTime());
        synchronized (this) {
            if (!failing) {
                failing = true;
                failingSince.set(System.nanoTime());
                String reason = message.substring(message.lastIndexOf(':') + 1).trim();
                ServerLog.warn(
                        null,
                        "accepting a connection failed (" + reason + "): the server"
                                + " retries every 250 ms and logs again once it accepts; out of file descriptors,"
                                + " raise the limit (ulimit -n) or lower --max-connections");
            }
        }
        return true;
    }

    private static Field backOffTime(Object handle) throws NoSuchFieldException {
        Field field = handle.getClass().getDeclaredField("backOffTime");
        field.setAccessible(true);
        return field;
    }

    /**
     * Finds XNIO's {@code NioTcpServerHandle}s inside {@code channel}: an {@code NioTcpServer}
     * holds them in its {@code handles}; the queued and TLS acceptors wrap such a server.
     */
    private static void collectHandles(Object channel, List<Object> found, int depth)
            throws ReflectiveOperationException {
        if (channel == null || depth > 3) {
            return;
        }
        for (Class<?> type = channel.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (field.getName().equals("handles") && field.getType().isArray()) {
                    field.setAccessible(true);
                    for (Object handle : (Object[]) field.get(channel)) {
                        backOffTime(handle);
                        found.add(handle);
                    }
                } else if (org.xnio.channels.AcceptingChannel.class.isAssignableFrom(field.getType())) {
                    field.setAccessible(true);
                    collectHandles(field.get(channel), found, depth + 1);
                }
            }
        }
    }
}
