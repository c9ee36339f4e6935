package dev.jgi.server.http;

import dev.jgi.api.Lifespan;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application new requests enter. A reload ({@code --reload}) replaces it; the app it replaced
 * serves the requests inside it and is stopped after the last one, once. Entering reads the current
 * app and counts the request in it in one step: an app that a replacement retired refuses the
 * entry, and the request enters its successor instead, so that no request runs in a stopping app.
 */
public final class AppSlot {

    private final AtomicReference<HostedApp> current = new AtomicReference<>();
    private boolean closed;

    /**
     * Makes a started application the one new requests enter; the one it replaces is retired.
     *
     * @param app   an {@link dev.jgi.api.Application} or {@link dev.jgi.api.AsyncApplication} whose
     *              start returned {@code state}
     * @throws IllegalStateException after {@link #close}; {@code app} is stopped then
     */
    public void replace(Lifespan app, Map<String, Object> state, String name) {
        HostedApp next = new HostedApp(app, state, name);
        HostedApp previous;
        synchronized (this) {
            if (closed) {
                next.stopNow();
                throw new IllegalStateException("the server is closed");
            }
            previous = current.getAndSet(next);
        }
        if (previous != null) {
            previous.retire();
        }
    }

    /** The current app, entered; empty once the slot is closed. The caller must {@link HostedApp#exit} it. */
    Optional<HostedApp> enter() {
        while (true) {
            HostedApp app = current.get();
            if (app == null) {
                return Optional.empty();
            }
            if (app.tryEnter()) {
                return Optional.of(app);
            }
            // Retired after it was read: its successor is already current (or the slot is closed).
        }
    }

    /**
     * Whether the current application says it is ready ({@link AppReadiness}); false once the slot
     * is empty.
     */
    public boolean appReady() {
        HostedApp app = current.get();
        return app != null && AppReadiness.of(app.state());
    }

    /** Empties the slot and stops the current app now, once: the end of a shutdown. */
    public void close() {
        HostedApp app;
        synchronized (this) {
            closed = true;
            app = current.getAndSet(null);
        }
        if (app != null) {
            app.stopNow();
        }
    }
}
