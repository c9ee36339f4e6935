package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.kernel.hooks.Signal;
import dev.jgi.server.log.ServerLog;
import io.undertow.server.Connectors;
import org.xnio.IoUtils;

/**
 * Whether the client of one exchange left, and who hears of it: the disconnect callbacks
 * [JGI-DISC-6], and an async receive that waits after the body's end [JGI-DISC-8]. Undertow tells of
 * a departure only at the next read or write, so the connection is watched ({@link DisconnectWatch})
 * once someone asks and the body has ended. Apart from {@link #onDisconnect} and
 * {@link #isDisconnected}, I/O thread only, like its {@link Transport}.
 */
final class ClientDeparture {

    /** Fired on the I/O thread when the client leaves before the exchange ended [JGI-DISC-6]. */
    private final Signal callbacks;
    /** The exchange this watches: its phase, its I/O thread, and its abort when a waiting receive needs one. */
    private final Transport transport;

    private volatile boolean disconnected;
    /** A disconnect callback waits for the body's end before the connection can be watched. */
    private boolean watchPending;
    /** Whether a client that leaves while watched ends the exchange, as an async receive needs. */
    private boolean abortWhenGone;

    ClientDeparture(Transport transport) {
        this.transport = transport;
        this.callbacks = new Signal(
                "[JGI-DISC-6] a disconnect callback",
                (message, failure) -> ServerLog.error(transport.requestId, message, failure));
    }

    /** The client went away [JGI-DISC-1]: the disconnect callbacks run [JGI-DISC-6]. */
    void clientLeft() {
        disconnected = true;
        if (transport.phase() != Transport.Phase.ENDED) {
            callbacks.fire();
        }
    }

    /**
     * Registers a disconnect callback and, on the I/O thread, watches the connection for the client
     * leaving while the application neither reads nor writes [JGI-DISC-6]. Any thread.
     */
    void onDisconnect(Runnable callback) {
        callbacks.add(callback);
        transport.execute(this::watch);
    }

    /**
     * The client reset this exchange's HTTP/2 stream: the exchange ends with the error [JGI-DONE-3].
     * Closing the stream's sink wakes a send that waits for flow-control window, which Undertow leaves
     * waiting after a reset, so that it fails [JGI-DISC-1].
     */
    void streamReset() {
        if (transport.phase() != Transport.Phase.ENDED) {
            IoUtils.safeClose(Connectors.getConduitSinkChannel(transport.exchange));
            transport.abort(new ClientDisconnectedException("[JGI-DISC-1] the client reset the stream"));
        }
    }

    /** Watches the connection, once the request body ended: now if it has, else when the body reader reaches its end. */
    void watch() {
        if (transport.phase() != Transport.Phase.ENDED
                && !callbacks.hasFired()
                && !DisconnectWatch.arm(transport.exchange, this::gone)) {
            watchPending = true;
        }
    }

    /**
     * An async application waits in {@code receive} after the body's end: a client that leaves
     * meanwhile ends the exchange, which completes that receive with {@code Disconnect} [JGI-DISC-8].
     */
    void watchForReceive() {
        abortWhenGone = true;
        watch();
    }

    /** The request body was read to its end: a watch that waited for it starts. */
    void bodyEnded() {
        if (watchPending) {
            watchPending = false;
            watch();
        }
    }

    /** Whether the client went away. Any thread. */
    boolean isDisconnected() {
        return disconnected;
    }

    /**
     * The exchange ends with {@code error} (null for none): the callbacks run now if the client left,
     * as {@link #clientLeft} no longer fires them once the exchange ended.
     */
    void exchangeEnding(Throwable error) {
        if (disconnected || error instanceof ClientDisconnectedException) {
            callbacks.fire();
        }
    }

    /** The exchange ended: callbacks not yet run never run [JGI-DISC-7]. */
    void exchangeEnded() {
        callbacks.cancel();
    }

    /** The client's departure behind an application failure, as thrown or wrapped, if that is what it is; else null. */
    static ClientDisconnectedException behind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClientDisconnectedException left) {
                return left;
            }
        }
        return null;
    }

    private void gone() {
        clientLeft();
        if (abortWhenGone) {
            transport.abort(
                    new ClientDisconnectedException("[JGI-DISC-3] the client went away while the application waited"));
        }
    }
}
