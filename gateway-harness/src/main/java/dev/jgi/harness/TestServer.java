package dev.jgi.harness;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Completion;
import dev.jgi.api.Lifespan;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import dev.jgi.kernel.websocket.SyncWebSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server in process: it runs an application's lifespan and its exchanges the way the spec asks
 * a server to, without a socket. {@link #send} runs one exchange whole and returns what the client
 * received; {@link #open} hands a test the client's side of an async exchange, event by event.
 *
 * {@snippet class="dev.jgi.harness.JavadocExamplesTest" region="send"}
 *
 * <p>{@code start} takes a sync application and {@code startAsync} an async one, so that a lambda
 * needs no cast. Thread-safe: exchanges may run concurrently. {@link #close} stops the application.
 */
public final class TestServer implements AutoCloseable {

    /**
     * How the simulated server behaves.
     *
     * @param mount        the mount prefix [JGI-PATH-1]; empty by default
     * @param capabilities what {@link ServerInfo#capabilities()} declares; by default TRAILERS,
     *                     EARLY_HINTS, FILE_SENDING and WEBSOCKET
     * @param maxPiece     the most request body bytes one read or one event carries; 16 KiB by default
     * @param timeout      how long an exchange may take before the test fails; 10 s by default
     * @param faults       the server obligations to break on purpose; none by default
     * @param sendsWaitForTheTest whether, in a {@link Communicator}, a send stage completes only
     *                     when the test received the action, as backpressure from a slow
     *                     client would hold it [JGI-STREAM-2]; false by default: at once
     */
    public record Options(
            String mount,
            Set<Capability> capabilities,
            int maxPiece,
            Duration timeout,
            Set<ServerFault> faults,
            boolean sendsWaitForTheTest) {
        public Options {
            if (!mount.isEmpty() && (!mount.startsWith("/") || mount.endsWith("/"))) {
                throw new IllegalArgumentException(
                        "[JGI-PATH-2] a mount is empty or starts with '/' and does not end with '/': " + mount);
            }
            capabilities = Set.copyOf(capabilities);
            faults = Set.copyOf(faults);
            if (maxPiece < 1) {
                throw new IllegalArgumentException("maxPiece must be positive: " + maxPiece);
            }
        }

        public static Options defaults() {
            return new Options(
                    "",
                    EnumSet.of(
                            Capability.TRAILERS,
                            Capability.EARLY_HINTS,
                            Capability.FILE_SENDING,
                            Capability.WEBSOCKET,
                            Capability.DISCONNECT_SIGNAL,
                            Capability.DRAIN_SIGNAL),
                    16 * 1024,
                    Duration.ofSeconds(10),
                    Set.of(),
                    false);
        }

        public Options withMount(String newMount) {
            return new Options(newMount, capabilities, maxPiece, timeout, faults, sendsWaitForTheTest);
        }

        public Options withCapabilities(Capability... declared) {
            return new Options(mount, Set.of(declared), maxPiece, timeout, faults, sendsWaitForTheTest);
        }

        public Options withMaxPiece(int bytes) {
            return new Options(mount, capabilities, bytes, timeout, faults, sendsWaitForTheTest);
        }

        public Options withTimeout(Duration newTimeout) {
            return new Options(mount, capabilities, maxPiece, newTimeout, faults, sendsWaitForTheTest);
        }

        public Options withFaults(ServerFault... broken) {
            return new Options(mount, capabilities, maxPiece, timeout, Set.of(broken), sendsWaitForTheTest);
        }

        public Options withSendsWaitingForTheTest(boolean wait) {
            return new Options(mount, capabilities, maxPiece, timeout, faults, wait);
        }
    }

    private final Lifespan app;
    private final Options options;
    private final ServerInfo info;
    private final Map<String, Object> state;
    private boolean stopped;
    private final dev.jgi.kernel.hooks.Drain drains = new dev.jgi.kernel.hooks.Drain();

    private TestServer(Lifespan app, Options options) throws Exception {
        this.app = app;
        this.options = options;
        this.info = new ServerInfo("jgi-harness", "1.0", ServerInfo.SPEC_VERSION, options.capabilities());
        if (options.faults().contains(ServerFault.SERVES_BEFORE_START)) {
            this.state = Map.of();
            return;
        }
        Map<String, Object> started = app.start(info);
        if (started == null) {
            throw new IllegalStateException("[JGI-LIFE-8] start returned null instead of a state map");
        }
        this.state = started;
    }

    /**
     * Starts a sync application: calls its {@code start} once [JGI-LIFE-1].
     *
     * @throws Exception what {@code start} threw: the server does not serve the application [JGI-LIFE-3]
     */
    public static TestServer start(Application app, Options options) throws Exception {
        return new TestServer(app, options);
    }

    public static TestServer start(Application app) throws Exception {
        return start(app, Options.defaults());
    }

    /** Starts an async application, as {@link #start(Application, Options)}. */
    public static TestServer startAsync(AsyncApplication app, Options options) throws Exception {
        return new TestServer(app, options);
    }

    public static TestServer startAsync(AsyncApplication app) throws Exception {
        return startAsync(app, Options.defaults());
    }

    /** What the application's {@code start} received. */
    public ServerInfo info() {
        return info;
    }

    /** What the application's {@code start} returned. */
    public Map<String, Object> state() {
        return state;
    }

    /**
     * Runs one exchange whole: the request body as {@link TestRequest#pieces()}, the response as
     * the client receives it. A WebSocket handshake needs {@link #open}.
     *
     * @throws IllegalStateException if the exchange takes longer than {@link Options#timeout()}
     */
    public TestResponse send(TestRequest request) {
        ClientState client = new ClientState(request, drains);
        ResponseSink sink = new ResponseSink(request.method(), client);
        Hooks hooks = new Hooks(options);
        Request head;
        try {
            head = RequestHead.of(request, options, info, state);
        } catch (Refusal refusal) {
            client.ended();
            sink.answer(refusal.status(), refusal.getMessage());
            return sink.response(sink.completion());
        }
        BodyPieces body = new BodyPieces(
                request.pieces(),
                options.maxPiece(),
                client,
                options.faults().contains(ServerFault.DATA_AFTER_END_OF_BODY));
        if (head.kind() == Request.Kind.WEBSOCKET) {
            throw new IllegalArgumentException("a WebSocket handshake needs open(), which lets the test talk");
        }
        if (app instanceof Application sync) {
            return sendSync(
                    sync,
                    head,
                    new TestExchange(
                            body, hooks, client, sink, head, options.faults().contains(ServerFault.IGNORES_BODY_LIMIT)),
                    sink,
                    hooks);
        }
        TestChannel channel = new TestChannel(
                new BodyEvents(body, sink, client, options.faults().contains(ServerFault.EVENT_AFTER_LAST_BODY)),
                new ActionRules(head, sink),
                hooks,
                client,
                action -> CompletableFuture.completedFuture(null),
                options.faults().contains(ServerFault.ACCEPTS_ACTIONS_OUT_OF_ORDER),
                head.bodyLength());
        CompletableFuture<Void> done = AsyncRun.start((AsyncApplication) app, head, channel);
        Throwable failure = null;
        try {
            done.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (TimeoutException e) {
            throw timedOut(request.method(), request.target());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the application ran", e);
        }
        Completion completion = AsyncRun.end(failure, sink, hooks, client, false);
        return sink.response(completion);
    }

    private TestResponse sendSync(
            Application sync, Request head, TestExchange exchange, ResponseSink sink, Hooks hooks) {
        CompletableFuture<Completion> done = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("jgi-harness-sync").start(() -> {
            new SyncRun(sync).run(head, exchange, sink);
            Completion completion = sink.completion();
            exchange.ended();
            hooks.run(completion);
            done.complete(completion);
        });
        try {
            return sink.response(done.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            thread.interrupt();
            throw timedOut(head.method(), head.target().raw());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the application ran", e);
        }
    }

    /**
     * Starts an async exchange whose events the test sends and whose actions it reads, one by one
     * (asgiref's {@code ApplicationCommunicator}). No event is sent for the test: for HTTP it
     * sends the body pieces, for WebSocket the connect.
     *
     * @throws IllegalArgumentException for a request the server would answer itself (400, 404)
     * @throws IllegalStateException    for a sync application on HTTP, or a WebSocket handshake when the
     *                                  options do not declare {@link Capability#WEBSOCKET}
     */
    public Communicator open(TestRequest request) {
        AsyncApplication async;
        if (app instanceof AsyncApplication asyncApp) {
            async = asyncApp;
        } else if (request.kind() == Request.Kind.WEBSOCKET) {
            // [JGI-WS-11]: the test talks to a sync application's session as it would to an async one.
            async = SyncWebSocket.of((Application) app);
        } else {
            throw new IllegalStateException("open() drives async applications; start AsyncApplication.fromSync(app)");
        }
        if (request.kind() == Request.Kind.WEBSOCKET && !info.supports(Capability.WEBSOCKET)) {
            throw new IllegalStateException("[JGI-CAP-2] the server does not declare WEBSOCKET");
        }
        try {
            return new Communicator(async, RequestHead.of(request, options, info, state), request, options, drains);
        } catch (Refusal refusal) {
            throw new IllegalArgumentException(
                    "the server answers " + refusal.status() + " itself: " + refusal.getMessage(), refusal);
        }
    }

    private IllegalStateException timedOut(String method, String target) {
        return new IllegalStateException(
                "the application did not finish " + method + " " + target + " within " + options.timeout());
    }

    /**
     * Begins a graceful shutdown as a server's drain does: the drain callbacks of the exchanges in
     * flight (those a {@link Communicator} holds open, or a {@link #send} on another thread) run
     * now, and those of later exchanges at once [JGI-LIFE-9]. Exchanges go on being served; {@link
     * #close} stops the application.
     */
    public void drain() {
        drains.begin();
    }

    /** Stops the application once [JGI-LIFE-5], unless its start failed or never ran [JGI-LIFE-6]. */
    @Override
    public synchronized void close() throws Exception {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!options.faults().contains(ServerFault.SERVES_BEFORE_START)) {
            app.stop();
        }
    }
}
