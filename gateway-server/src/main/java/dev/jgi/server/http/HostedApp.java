package dev.jgi.server.http;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Lifespan;
import dev.jgi.server.log.ServerLog;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A started application with its lifespan state, and the requests inside it. A reload retires it:
 * no request enters it from then on, the ones inside finish, and the last one out stops it. The
 * count and the retired mark share one atomic word, so that entering and retiring cannot cross:
 * a request either enters before the retirement (and the stop waits for it) or is refused (and
 * enters the successor). Stopping happens at most once, whoever triggers it [JGI-LIFE-5].
 */
final class HostedApp {

    /** The sign bit of {@link #entries} marks a retired app; the rest counts the requests inside. */
    private static final int RETIRED = Integer.MIN_VALUE;

    private final Lifespan app;
    private final Map<String, Object> state;
    private final String name;
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** @param app an {@link Application} or an {@link AsyncApplication} whose start returned {@code state} */
    HostedApp(Lifespan app, Map<String, Object> state, String name) {
        if (!(app instanceof Application) && !(app instanceof AsyncApplication)) {
            throw new IllegalArgumentException("[JGI-APP-7] neither an Application nor an AsyncApplication: "
                    + app.getClass().getName());
        }
        this.app = app;
        this.state = Map.copyOf(state);
        this.name = name;
    }

    Lifespan app() {
        return app;
    }

    Map<String, Object> state() {
        return state;
    }

    boolean isAsync() {
        return !(app instanceof Application);
    }

    /** Counts a request in, unless the app is retired. */
    boolean tryEnter() {
        while (true) {
            int now = entries.get();
            if (now < 0) {
                return false;
            }
            if (entries.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Counts a request out; the last one out of a retired app stops it. */
    void exit() {
        if (entries.decrementAndGet() == RETIRED) {
            stop();
        }
    }

    /** No request enters from now on; the app stops when the last one inside exits, now if none is. */
    void retire() {
        if (entries.getAndUpdate(now -> now | RETIRED) == 0) {
            stop();
        }
    }

    /** Retires the app and stops it now, requests inside or not: a shutdown whose grace ran out. */
    void stopNow() {
        entries.getAndUpdate(now -> now | RETIRED);
        stop();
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            app.stop();
        } catch (Exception e) {
            ServerLog.error(null, "the application " + name + " failed to stop", e);
        }
    }
}
