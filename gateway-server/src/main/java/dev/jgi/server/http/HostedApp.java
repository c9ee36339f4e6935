package dev.jgi.server.http;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Lifespan;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A started application with its lifespan state. A reload replaces the current one; the old one
 * keeps serving the requests it began and is stopped when the last of them ends.
 */
public final class HostedApp {

    private final Lifespan app;
    private final Map<String, Object> state;
    private final String name;
    private final AtomicInteger active = new AtomicInteger();
    private volatile Runnable whenIdle;

    /** @param app an {@link Application} or an {@link AsyncApplication} whose start returned {@code state} */
    public HostedApp(Lifespan app, Map<String, Object> state, String name) {
        if (!(app instanceof Application) && !(app instanceof AsyncApplication)) {
            throw new IllegalArgumentException("[JGI-APP-7] neither an Application nor an AsyncApplication: "
                    + app.getClass().getName());
        }
        this.app = app;
        this.state = Map.copyOf(state);
        this.name = name;
    }

    public Lifespan app() {
        return app;
    }

    public Map<String, Object> state() {
        return state;
    }

    public String name() {
        return name;
    }

    public boolean isAsync() {
        return !(app instanceof Application);
    }

    void enter() {
        active.incrementAndGet();
    }

    void exit() {
        if (active.decrementAndGet() == 0) {
            Runnable task = whenIdle;
            if (task != null && active.get() == 0) {
                whenIdle = null;
                task.run();
            }
        }
    }

    /** Runs {@code task} once no request of this app is in flight: now, or when the last one ends. */
    public void whenIdle(Runnable task) {
        whenIdle = task;
        if (active.get() == 0) {
            Runnable pending = whenIdle;
            whenIdle = null;
            if (pending != null) {
                pending.run();
            }
        }
    }
}
