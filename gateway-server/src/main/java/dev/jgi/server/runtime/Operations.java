package dev.jgi.server.runtime;

import dev.jgi.api.ServerInfo;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.admin.AdminAccess;
import dev.jgi.server.admin.AdminListener;
import dev.jgi.server.admin.AdminRoutes;
import dev.jgi.server.log.AccessLog;
import dev.jgi.server.log.RequestLog;
import dev.jgi.server.metrics.Sampler;
import dev.jgi.server.metrics.ServerMetrics;
import dev.jgi.server.observe.Observers;
import dev.jgi.server.observe.ServerObserver;
import io.undertow.connector.ByteBufferPool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.xnio.XnioWorker;

/**
 * The operations side of one server: metrics, the status page's sampler and the admin listener,
 * all present only when {@code --admin-bind} is set. Without it the request path's observer is the
 * request log's alone, which costs a thread-local per request.
 */
final class Operations implements AutoCloseable {

    private static final ServerObserver REQUEST_LOG = new RequestLog();

    private final ServerConfig config;
    private final Optional<AdminAccess> access;
    private final ServerMetrics metrics;
    private Sampler sampler;
    private AdminListener listener;

    private Operations(ServerConfig config, Optional<AdminAccess> access, ServerMetrics metrics) {
        this.config = config;
        this.access = access;
        this.metrics = metrics;
    }

    /** @throws IllegalArgumentException naming the option, for a bad admin setting */
    static Operations of(ServerConfig config) {
        Optional<AdminAccess> access = AdminAccess.of(config.adminBind(), config.adminToken(), config.adminTokenFile());
        ServerMetrics metrics = access.isEmpty()
                ? null
                : new ServerMetrics(
                        ServerRuntime.VERSION, ServerInfo.SPEC_VERSION, io.undertow.Version.getVersionString());
        return new Operations(config, access, metrics);
    }

    /** The request log's observer, and the metrics' when the admin listener is on. */
    ServerObserver observer() {
        return metrics == null ? REQUEST_LOG : new Observers(REQUEST_LOG, metrics);
    }

    /** Counts {@code log}'s dropped lines in the metrics, when there are metrics; returns {@code log}. */
    AccessLog counting(AccessLog log) {
        if (metrics != null) {
            metrics.countDroppedAccessLogLines(log::dropped);
        }
        return log;
    }

    /** Starts sampling and binds the admin listener, if configured; call after the app's listeners are bound. */
    void listen(XnioWorker worker, ByteBufferPool buffers, BooleanSupplier ready, String name) throws IOException {
        if (access.isEmpty()) {
            return;
        }
        sampler = new Sampler(metrics);
        listener = AdminListener.open(
                worker,
                buffers,
                access.get().address(),
                new AdminRoutes(access.get(), metrics, sampler, ready, name, config.toShownText()));
    }

    Optional<InetSocketAddress> adminAddress() {
        return Optional.ofNullable(listener).map(AdminListener::address);
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        if (sampler != null) {
            sampler.close();
        }
    }
}
