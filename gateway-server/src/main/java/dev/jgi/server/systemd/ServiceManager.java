package dev.jgi.server.systemd;

import dev.jgi.server.log.ServerLog;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What {@code jgi serve} tells systemd over {@code $NOTIFY_SOCKET}: {@code READY=1} once the app
 * started and the listeners are bound, a {@code STATUS=} line every few seconds (requests in
 * flight), {@code WATCHDOG=1} at half of {@code $WATCHDOG_USEC}, and {@code STOPPING=1} when the
 * graceful shutdown begins. Without {@code $NOTIFY_SOCKET} it does nothing.
 */
public final class ServiceManager implements AutoCloseable {

    private static final long STATUS_SECONDS = 2;

    private final Optional<Notifier> notifier;
    private final long watchdogMicros;
    private ScheduledExecutorService timer;

    private ServiceManager(Optional<Notifier> notifier, long watchdogMicros) {
        this.notifier = notifier;
        this.watchdogMicros = watchdogMicros;
    }

    /** From the environment systemd set; {@code WATCHDOG_PID}, when set, must name this process. */
    public static ServiceManager from(Map<String, String> environment) {
        Optional<Notifier> notifier = Notifier.from(environment);
        String usec = environment.getOrDefault("WATCHDOG_USEC", "");
        String pid = environment.get("WATCHDOG_PID");
        boolean ours =
                pid == null || pid.equals(Long.toString(ProcessHandle.current().pid()));
        long watchdog = usec.isEmpty() || !ours ? 0 : Long.parseLong(usec.strip());
        return new ServiceManager(notifier, watchdog);
    }

    /**
     * The server is ready: sends {@code READY=1} and starts the status and watchdog updates.
     *
     * @param status what {@code STATUS=} says, asked again for each update
     */
    public void ready(Supplier<String> status) {
        if (notifier.isEmpty()) {
            return;
        }
        send("READY=1\nMAINPID=" + ProcessHandle.current().pid() + "\nSTATUS=" + status.get());
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("jgi-systemd").factory());
        // Nothing waits on the schedules: send() reports its own failures, and close() ends them.
        var unusedStatus = timer.scheduleAtFixedRate(
                () -> send("STATUS=" + status.get()), STATUS_SECONDS, STATUS_SECONDS, TimeUnit.SECONDS);
        if (watchdogMicros > 0) {
            long half = Math.max(1, watchdogMicros / 2);
            var unusedWatchdog = timer.scheduleAtFixedRate(() -> send("WATCHDOG=1"), 0, half, TimeUnit.MICROSECONDS);
        }
    }

    /** A graceful shutdown begins: {@code STOPPING=1}; the watchdog keeps being fed while it drains. */
    public void stopping(String status) {
        send("STOPPING=1\nSTATUS=" + status);
    }

    private void send(String state) {
        if (notifier.isEmpty()) {
            return;
        }
        try {
            notifier.get().send(state);
        } catch (IOException | RuntimeException e) {
            ServerLog.warn(null, "sd_notify failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
