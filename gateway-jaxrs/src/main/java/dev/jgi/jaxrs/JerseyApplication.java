package dev.jgi.jaxrs;

import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Channel;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.Container;

/**
 * A Jakarta REST application served as a JGI application: Jersey 4 is the container, any JGI
 * server is the transport.
 *
 * <p>It is an {@link AsyncApplication} because Jersey's response writer is push-style (it commits
 * the status and headers, then writes the entity into a stream), which is the shape of
 * {@link dev.jgi.api.Channel#send}; and because only the async interface tells an application that
 * its client left while it is not writing [JGI-DISC-8], which is what lets a suspended
 * {@code SseEventSink} close. On a server that declares {@link Capability#DISCONNECT_SIGNAL} the
 * channel's disconnect callback says it instead, within 1 s and without a thread waiting per
 * stream [JGI-DISC-6]. Jersey itself is blocking code, so each exchange runs it on a virtual
 * thread that waits on the channel's stages. A server that offers only the sync interface runs it
 * through {@link dev.jgi.api.Application#fromAsync}.
 *
 * <ul>
 *   <li>[JGI-LIFE-1] {@link #start} builds Jersey's {@link ApplicationHandler} (injection, resource
 *       model, validation of the application) and fires Jersey's container start-up listeners; a
 *       broken application fails {@code start} with Jersey's message [JGI-LIFE-3].</li>
 *   <li>[JGI-LIFE-5] {@link #stop} fires Jersey's shutdown listeners.</li>
 *   <li>[JGI-PATH-3] The base URI is the request's scheme and host with the mount prefix
 *       {@link dev.jgi.api.RequestTarget#mountPath()}; resources match {@link Request#path()}.</li>
 *   <li>The JGI request is a request property under {@link #REQUEST_PROPERTY}, for filters that
 *       need what Jakarta REST does not model (the client address, the TLS session).</li>
 * </ul>
 */
public final class JerseyApplication implements AsyncApplication {

    /** The {@link Request} of an exchange, as a property of Jersey's request context. */
    public static final String REQUEST_PROPERTY = Request.class.getName();

    private final ResourceConfig config;
    private volatile Running running;

    /** Serves {@code application}: a {@link ResourceConfig} or any Jakarta REST {@code Application}. */
    public JerseyApplication(jakarta.ws.rs.core.Application application) {
        this.config = ResourceConfig.forApplication(Objects.requireNonNull(application, "application"));
        // WADL needs a JAXB implementation, which JGI does not bring; without one Jersey warns per start.
        if (!config.hasProperty(ServerProperties.WADL_FEATURE_DISABLE)) {
            config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        }
    }

    /**
     * What one started application holds: Jersey's handler, the timer of suspended exchanges, and
     * whether the server runs disconnect callbacks [JGI-DISC-6].
     */
    record Running(Jersey container, ScheduledExecutorService timers, boolean disconnectSignal) {}

    @Override
    public Map<String, Object> start(ServerInfo server) {
        if (running != null) {
            throw new IllegalStateException("[JGI-LIFE-1] started twice");
        }
        Jersey container = new Jersey(new ApplicationHandler(config));
        container.handler().onStartup(container);
        // One platform thread only schedules: a suspend timeout's handler runs on a virtual thread.
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("jgi-jaxrs-timer").factory());
        running = new Running(container, timers, server.supports(Capability.DISCONNECT_SIGNAL));
        return Map.of();
    }

    @Override
    public void stop() {
        Running stopping = running;
        running = null;
        if (stopping != null) {
            stopping.timers().shutdownNow();
            stopping.container().handler().onShutdown(stopping.container());
        }
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        Running serving = running;
        if (serving == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("[JGI-LIFE-1] not started"));
        }
        ExchangeCall call = new ExchangeCall(request, channel, serving.timers(), serving.disconnectSignal());
        Thread.ofVirtual()
                .name("jgi-jaxrs")
                .start(() -> call.run(serving.container().handler()));
        return call.done();
    }

    /** Jersey's view of this container: what its lifecycle listeners and reloads see. */
    static final class Jersey implements Container {
        private volatile ApplicationHandler handler;

        Jersey(ApplicationHandler handler) {
            this.handler = handler;
        }

        ApplicationHandler handler() {
            return handler;
        }

        @Override
        public ResourceConfig getConfiguration() {
            return handler.getConfiguration();
        }

        @Override
        public ApplicationHandler getApplicationHandler() {
            return handler;
        }

        @Override
        public void reload() {
            reload(new ResourceConfig(getConfiguration()));
        }

        /** Swaps the application: exchanges already running finish on the old one. */
        @Override
        public void reload(ResourceConfig configuration) {
            ApplicationHandler old = handler;
            ApplicationHandler fresh = new ApplicationHandler(configuration);
            old.onShutdown(this);
            handler = fresh;
            fresh.onReload(this);
            fresh.onStartup(this);
        }
    }
}
