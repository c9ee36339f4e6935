package dev.jgi.server.runtime;

import dev.jgi.api.Capability;
import dev.jgi.api.Lifespan;
import dev.jgi.api.ServerInfo;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.http.AppSlot;
import dev.jgi.server.http.Connections;
import dev.jgi.server.http.GatewayHandler;
import dev.jgi.server.http.InFlight;
import dev.jgi.server.http.StaticAccessLog;
import dev.jgi.server.log.AccessLog;
import dev.jgi.server.log.ServerLog;
import dev.jgi.server.observe.Observers;
import dev.jgi.server.observe.ServerObserver;
import dev.jgi.server.tls.Http2Options;
import dev.jgi.server.tls.ServerTls;
import dev.jgi.server.unix.SocketFileAccess;
import dev.jgi.server.unix.UnixSocketRelay;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * A running server: the lifespan of its application, the XNIO worker, the listeners, and graceful
 * shutdown. {@link dev.jgi.server.GatewayServer} is its public face; the CLI uses it directly for
 * reloading.
 */
public final class ServerRuntime implements AutoCloseable {

    public static final String NAME = "jgi-reference";
    public static final String VERSION = "1.0.0";

    /**
     * How long a draining connection with nothing in flight must have been quiet before it closes.
     * A request sent in that time is answered, with {@code Connection: close}; closing at once would
     * reset a request already on the wire (the race of RFC 9112 section 9.6, see docs/operations.md).
     */
    private static final long DRAIN_QUIET_MILLIS = 1000;

    /** How long WebSockets get to answer the 1001 close at the end of the graceful timeout. */
    private static final java.time.Duration WEBSOCKET_CLOSE_PATIENCE = java.time.Duration.ofSeconds(1);

    /** How often the certificate and key files are checked for a renewal. */
    private static final long CERTIFICATE_CHECK_SECONDS = 10;

    private final ServerConfig config;
    private final ServerInfo info;
    private final AppSlot apps = new AppSlot();
    private final ClosingListeners listeners = new ClosingListeners();
    /** Listeners on inherited sockets: they stop accepting when draining, and close last. */
    private final List<AcceptingChannel<StreamConnection>> inherited = new ArrayList<>();

    private final List<UnixSocketRelay> relays = new ArrayList<>();
    /** Read while a shutdown holds this runtime's lock. */
    private final List<InetSocketAddress> addresses = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final InFlight inFlight;
    private final Connections connections;
    /** Keeps the listeners' accept back-off short; open while the listeners are. */
    private final AcceptBackOff acceptBackOff = AcceptBackOff.open();

    private final ConnectionCapLog connectionCapLog;

    private XnioWorker worker;
    private ExecutorService syncExecutor;
    private AccessLog accessLog;
    private GatewayHandler handler;
    private volatile boolean started;
    private volatile boolean closed;
    private java.nio.file.Path appJar;
    private StaticFront staticFront;
    private final Operations operations;
    private volatile boolean draining;
    private final List<Runnable> drainHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private dev.jgi.server.tls.ReloadingKeyManager certificates;
    private org.xnio.XnioExecutor.Key certificateCheck;

    public ServerRuntime(ServerConfig config) {
        this.config = config;
        this.info = new ServerInfo(NAME, VERSION, ServerInfo.SPEC_VERSION, capabilities(config));
        this.inFlight = new InFlight(config.maxConcurrent());
        this.connectionCapLog = ConnectionCapLog.open(config.maxConnections());
        this.operations = Operations.of(config);
        this.connections = new Connections(config, operations.observer());
    }

    /**
     * WebSocket (HTTP/1.1 upgrade), trailers, early hints and the disconnect and drain signals
     * always; TLS and HTTP/2 only as configured [JGI-CAP-1]. A request holds those its transport
     * carries (RequestCapabilities) [JGI-CAP-6]; trailers and 103s that cannot reach a client
     * (HTTP/1.0, HEAD) are dropped per request as the spec says [JGI-EXT-8] [JGI-EXT-11].
     */
    private static Set<Capability> capabilities(ServerConfig config) {
        Set<Capability> offered = EnumSet.of(
                Capability.FILE_SENDING,
                Capability.WEBSOCKET,
                Capability.TRAILERS,
                Capability.EARLY_HINTS,
                Capability.DISCONNECT_SIGNAL,
                Capability.DRAIN_SIGNAL);
        boolean tls = !config.certFile().isEmpty();
        if (tls) {
            offered.add(Capability.TLS);
        }
        if ((tls && config.http2()) || config.h2c()) {
            offered.add(Capability.HTTP2);
        }
        return offered;
    }

    /** Serves the {@code static/} folder of the app's jar, at the prefix its manifest names. Before {@link #start}. */
    public void serveStaticOf(java.nio.file.Path jar) {
        this.appJar = jar;
    }

    public ServerInfo info() {
        return info;
    }

    public ServerConfig config() {
        return config;
    }

    /**
     * Starts the application, then listens [JGI-LIFE-1] [JGI-LIFE-2].
     *
     * @throws LifespanFailure when the application's start threw [JGI-LIFE-3]
     * @throws IOException     when an address cannot be bound
     */
    public synchronized void start(Lifespan app, String name) throws LifespanFailure, IOException {
        if (started) {
            throw new IllegalStateException("the server was already started");
        }
        if (!config.envFile().isEmpty()) {
            EnvFile.apply(EnvFile.read(java.nio.file.Path.of(config.envFile())));
        }
        staticFront = StaticFront.open(config, appJar);
        try {
            apps.replace(app, startApp(app), name);
        } catch (LifespanFailure e) {
            staticFront.close();
            throw e;
        }
        started = true;
        try {
            listen();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Runs the application's lifespan start; returns its state. */
    private Map<String, Object> startApp(Lifespan app) throws LifespanFailure {
        Map<String, Object> state;
        try {
            state = app.start(info);
        } catch (Exception e) {
            throw new LifespanFailure(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        if (state == null) {
            throw new LifespanFailure("[JGI-LIFE-4] the application's start returned null", null);
        }
        try {
            dev.jgi.server.http.AppReadiness.validate(state);
        } catch (IllegalArgumentException e) {
            throw new LifespanFailure(e.getMessage(), e);
        }
        return state;
    }

    private void listen() throws IOException {
        accessLog = config.accessLog() == ServerConfig.AccessLogFormat.OFF
                ? null
                : operations.counting(AccessLog.open(
                        config.accessLog() == ServerConfig.AccessLogFormat.JSON, config.accessLogFile()));
        connections.logAnswersTo(accessLog);
        syncExecutor = config.threads() == ServerConfig.ThreadModel.VIRTUAL
                ? Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory())
                : Executors.newFixedThreadPool(
                        config.platformThreads(),
                        Thread.ofPlatform().daemon().name("jgi-request-", 0).factory());
        OptionMap workerOptions = UndertowSetup.worker(config);
        worker = Xnio.getInstance(io.undertow.Undertow.class.getClassLoader()).createWorker(workerOptions);
        handler = new GatewayHandler(
                config,
                info.capabilities(),
                apps,
                dev.jgi.server.log.LogContext.propagating(syncExecutor),
                accessLog,
                inFlight,
                connections,
                operations.observer());
        ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4);
        OptionMap undertowOptions = Http2Options.apply(
                        OptionMap.builder().addAll(UndertowSetup.undertow(config)),
                        config.h2c(),
                        config.maxRequestLine() + config.maxHeaderSize())
                .getMap();
        ServerObserver staticObserver = accessLog == null
                ? operations.observer()
                : new Observers(operations.observer(), new StaticAccessLog(accessLog));
        HttpHandler root = connections.watch(staticFront.wrap(handler, staticObserver));
        HttpOpenListener open = new HttpOpenListener(buffers, undertowOptions);
        open.setRootHandler(Http2Options.cleartextRoot(root, config.h2c()));
        ServerTls tls = ServerTls.from(config).orElse(null);
        if (tls != null) {
            certificates = tls.keys();
            // Renewed certificates (every 60 to 90 days) are picked up without a restart or a signal.
            certificateCheck = worker.getIoThread()
                    .executeAtInterval(certificates::reloadIfChanged, CERTIFICATE_CHECK_SECONDS, TimeUnit.SECONDS);
        }
        ChannelListener<StreamConnection> tcpOpen = tls == null
                ? open
                : ServerTls.openListener(
                        buffers, undertowOptions, root, config.http2(), connections::http1, connections::http2);
        for (String bind : config.binds()) {
            if (bind.startsWith("unix:")) {
                listenUnix(Path.of(bind.substring("unix:".length())), open);
                continue;
            }
            if (bind.startsWith("fd:")) {
                listenInherited(Integer.parseInt(bind.substring("fd:".length())), tcpOpen, tls);
                continue;
            }
            BindAddress address = BindAddress.parse(bind);
            AcceptingChannel<? extends StreamConnection> server;
            try {
                server = tls == null
                        ? worker.createStreamConnectionServer(
                                address.socketAddress(), acceptor(tcpOpen, false), socketOptions())
                        : tls.bind(worker, address.socketAddress(), acceptor(tcpOpen, false), socketOptions());
            } catch (IOException e) {
                // The JDK's "Address already in use" does not say which; with several binds it matters.
                throw new IOException("cannot listen on " + bind + ": " + e.getMessage(), e);
            }
            acceptBackOff.watch(server);
            server.resumeAccepts();
            listeners.add(server);
            addresses.add(server.getLocalAddress(InetSocketAddress.class));
        }
        operations.listen(worker, buffers, this::ready, NAME + " " + VERSION);
    }

    /**
     * Whether the server takes traffic: the lifespan started and the listeners are bound, no
     * graceful shutdown has begun, and the application does not say otherwise
     * ({@link dev.jgi.server.http.AppReadiness}). What {@code /readyz} answers.
     */
    public boolean ready() {
        return started && !draining && !closed && apps.appReady();
    }

    /**
     * Loads the TLS certificate and key from their files again (SIGHUP does this); new handshakes
     * present the new pair, open connections keep theirs. False without TLS, or when the new pair
     * does not load (the old one stays).
     */
    public boolean reloadCertificates() {
        return certificates != null && certificates.reload();
    }

    /** Requests in flight now. */
    public int requestsInFlight() {
        return inFlight.current();
    }

    /** The admin listener's address with its actual port, when there is one. */
    public java.util.Optional<InetSocketAddress> adminAddress() {
        return operations.adminAddress();
    }

    /**
     * A socket-activation bind: the listening socket inherited as descriptor {@code fd}, shared with
     * the supervisor (and with a second server started beside this one for a restart), so that
     * connections queue in the kernel while no server accepts.
     */
    private void listenInherited(int fd, ChannelListener<StreamConnection> open, ServerTls tls) throws IOException {
        if (tls != null) {
            throw new IllegalArgumentException("fd:" + fd + " binds speak cleartext HTTP; terminate TLS in front");
        }
        java.nio.channels.ServerSocketChannel channel =
                dev.jgi.server.systemd.InheritedSocket.take(fd, System.getenv());
        AcceptingChannel<StreamConnection> server =
                InheritedListener.adopt(worker, channel, acceptor(open, false), socketOptions());
        acceptBackOff.watch(server);
        server.resumeAccepts();
        inherited.add(server);
        addresses.add(server.getLocalAddress(InetSocketAddress.class));
    }

    /**
     * A Unix socket bind: a loopback listener that takes only connections from its relay, which
     * accepts on the socket file (XNIO has no Unix sockets).
     */
    private void listenUnix(Path socket, ChannelListener<StreamConnection> open) throws IOException {
        AcceptingChannel<StreamConnection> loopback = worker.createStreamConnectionServer(
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                acceptor(open, true),
                socketOptions());
        acceptBackOff.watch(loopback);
        loopback.resumeAccepts();
        listeners.add(loopback);
        relays.add(UnixSocketRelay.open(
                socket,
                loopback.getLocalAddress(InetSocketAddress.class),
                SocketFileAccess.of(config.unixSocketMode(), config.unixSocketGroup())));
    }

    private <C extends StreamConnection> ChannelListener<AcceptingChannel<C>> acceptor(
            ChannelListener<StreamConnection> open, boolean relayedOnly) {
        return channel -> acceptPending(channel, open, relayedOnly);
    }

    /** Accepts every connection waiting on {@code channel}. */
    private void acceptPending(
            AcceptingChannel<? extends StreamConnection> channel,
            ChannelListener<StreamConnection> open,
            boolean relayedOnly) {
        try {
            for (StreamConnection connection = channel.accept(); connection != null; connection = channel.accept()) {
                acceptBackOff.accepted();
                if (relayedOnly
                        && UnixSocketRelay.peerOf(connection.getPeerAddress()).isEmpty()) {
                    IoUtils.safeClose(connection);
                    continue;
                }
                open.handleEvent(connections.opened(connection));
            }
        } catch (java.nio.channels.ClosedChannelException e) {
            // The listener closed after the connections queued for this thread were taken.
        } catch (IOException e) {
            ServerLog.warn(null, "accepting a connection failed: " + e);
        }
    }

    /**
     * Closes the listeners after taking every connection already waiting in their backlog, which
     * closing would reset; an inherited socket stays open, not accepting: connections keep queueing
     * for the server that shares it (the successor in a restart), whose accepts take them.
     */
    private void stopAccepting() throws InterruptedException {
        listeners.close(worker);
        inherited.forEach(AcceptingChannel::suspendAccepts);
        relays.forEach(UnixSocketRelay::stopAccepting);
    }

    private OptionMap socketOptions() {
        return UndertowSetup.socket(worker.getIoThreadCount(), config.writeTimeout(), config.maxConnections());
    }

    /** The bound addresses, in the order of the binds, with the actual ports. */
    public List<InetSocketAddress> addresses() {
        return List.copyOf(addresses);
    }

    /**
     * Starts {@code app} and routes new requests to it; the previous app finishes its in-flight
     * requests and is then stopped, once. If the new app's start fails, the old one keeps serving.
     *
     * @throws IllegalStateException after {@link #close}; the new app is stopped then
     */
    public void replaceApp(Lifespan app, String name) throws LifespanFailure {
        apps.replace(app, startApp(app), name);
    }

    /**
     * Runs {@code hook} when the drain begins: the drain delay is over, the listeners are closed,
     * and the graceful timeout starts. Where the server signals the drain to the exchanges in
     * flight; runs on the closing thread, so it must not block.
     */
    public void onDrain(Runnable hook) {
        drainHooks.add(hook);
    }

    /**
     * Shuts down gracefully, in the one sequence docs/operations.md describes: not ready at once;
     * serving normally for the drain delay; the listeners close; every response closes its
     * connection and quiet idle connections close; in-flight requests finish, up to the graceful
     * timeout, at which WebSockets close with 1001 and the rest are cut; then the application stops
     * once [JGI-LIFE-5] [JGI-LIFE-7].
     */
    @Override
    public synchronized void close() {
        // Not ready from the first moment of a graceful shutdown, so load balancers stop sending.
        draining = true;
        if (closed || !started) {
            closed = true;
            acceptBackOff.close();
            connectionCapLog.close();
            operations.close();
            return;
        }
        closed = true;
        boolean drained = false;
        try {
            Thread.sleep(config.drainDelay().toMillis());
            stopAccepting();
            drainHooks.forEach(Runnable::run);
            if (handler != null) {
                handler.beginDrain();
            }
            long timeout = config.gracefulTimeout().toMillis();
            connections.drain(Math.min(DRAIN_QUIET_MILLIS, timeout));
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
            drained = inFlight.awaitDrained(timeout)
                    && connections.awaitClosed(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (handler != null) {
            handler.closeWebSockets(WEBSOCKET_CLOSE_PATIENCE);
        }
        if (!drained) {
            ServerLog.warn(
                    null,
                    "the graceful timeout passed with " + inFlight.current() + " requests in flight; closing them");
        }
        connections.closeAll();
        acceptBackOff.close();
        connectionCapLog.close();
        relays.forEach(UnixSocketRelay::close);
        apps.close();
        // The admin listener answered /readyz with 503 throughout the drain; it closes before its I/O threads.
        operations.close();
        if (certificateCheck != null) {
            certificateCheck.remove();
        }
        inherited.forEach(dev.jgi.server.systemd.InheritedSocket::close);
        if (worker != null) {
            worker.shutdown();
            try {
                if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (syncExecutor != null) {
            syncExecutor.shutdownNow();
        }
        if (accessLog != null) {
            accessLog.close();
        }
        staticFront.close();
    }
}
