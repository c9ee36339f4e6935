package dev.jgi.server.http;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.log.AccessLog;
import dev.jgi.server.observe.ServerObserver;
import dev.jgi.server.proxy.TrustedProxies;
import dev.jgi.server.websocket.WebSocketSettings;
import dev.jgi.server.websocket.WebSocketUpgrade;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Methods;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The root Undertow handler: checks the head, maps it to a {@link Request}, and starts the
 * application, on the I/O thread. A sync application continues on its own thread ({@link SyncCall}),
 * an async one on this I/O thread ({@link AsyncCall}).
 */
public final class GatewayHandler implements HttpHandler, Transport.Ended {

    private final ServerConfig config;
    private final Supplier<HostedApp> apps;
    private final Executor syncExecutor;
    private final AccessLog accessLog;
    private final InFlight inFlight;
    private final Connections connections;
    private final HeadCheck check;
    private final RequestMapper mapper;
    private final TrustedProxies proxies;
    private final ErrorPages errors;
    private final WebSocketUpgrade webSockets;
    private final ServerObserver observer;
    private volatile boolean draining;

    public GatewayHandler(
            ServerConfig config,
            Supplier<HostedApp> apps,
            Executor syncExecutor,
            AccessLog accessLog,
            InFlight inFlight,
            Connections connections,
            ServerObserver observer) {
        this.config = config;
        this.apps = apps;
        this.syncExecutor = syncExecutor;
        this.accessLog = accessLog;
        this.inFlight = inFlight;
        this.connections = connections;
        this.check = new HeadCheck(config);
        this.proxies = TrustedProxies.parse(config.forwardedAllowIps());
        this.mapper = new RequestMapper(config.rootPath(), proxies);
        this.observer = observer;
        this.errors = new ErrorPages(config.dev(), observer);
        this.webSockets =
                new WebSocketUpgrade(WebSocketSettings.defaults().withMaxMessageSize(config.wsMaxMessageSize()));
    }

    /**
     * From now on every response closes its connection, and open WebSockets are closed with 1001:
     * the server is shutting down.
     */
    public void drain() {
        draining = true;
        webSockets.goingAway(java.time.Duration.ofSeconds(1));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long started = System.nanoTime();
        HeadInfo head = connections.requestStarted(exchange.getConnection());
        Transport transport = new Transport(exchange, requestId(exchange), started, this, errors);
        observer.requestStarted(transport, exchange);
        try {
            if (draining) {
                exchange.setPersistent(false);
            }
            String parsed = RequestMapper.rawTarget(exchange);
            if (head != null && !head.describes(exchange.getRequestMethod().toString(), parsed)) {
                connections.distrust(exchange.getConnection());
                head = null;
            }
            String raw = head != null ? head.target() : parsed;
            transport.rawTarget = raw;
            transport.rawHead = head;
            transport.scanner = head == null ? null : connections.scannerOf(exchange.getConnection());
            Rejection rejection = head != null && head.malformed() != null
                    ? new Rejection(400, head.malformed())
                    : check.check(exchange, raw);
            if (rejection == null && exchange.getRequestURI().equals("*")) {
                rejection = asterisk(exchange);
            }
            Object target = rejection == null ? mapper.target(exchange, raw) : rejection;
            if (target instanceof Rejection refused) {
                reject(transport, refused);
                return;
            }
            if (!inFlight.tryAcquire()) {
                errors.send(
                        transport,
                        503,
                        "Service Unavailable: the server is at its in-flight cap",
                        null,
                        Headers.of("retry-after", "1"));
                return;
            }
            transport.counted = true;
            HostedApp app = apps.get();
            app.enter();
            transport.app = app;
            Request request = mapper.request(exchange, (RequestTarget) target, app.state(), transport.requestId, head);
            if (app.app() instanceof AsyncApplication async && WebSocketUpgrade.isHandshake(exchange)) {
                // [JGI-WS-1]; a sync application gets the handshake as a plain request [JGI-WS-11].
                transport.request = WebSocketUpgrade.asHandshake(request);
                webSockets.serve(exchange, transport.request, async);
                return;
            }
            transport.request = request;
            start(exchange, transport, app, request);
        } catch (RuntimeException | Error failure) {
            transport.fail("[JGI-ERR-7] the server failed to start the exchange", failure);
        }
    }

    private void start(HttpServerExchange exchange, Transport transport, HostedApp app, Request request) {
        BodyReader reader = bodyReader(exchange, transport);
        transport.reader = reader;
        if (!config.requestDeadline().isZero()) {
            transport.armDeadline(config.requestDeadline());
        }
        exchange.dispatch();
        if (app.app() instanceof Application sync) {
            SyncExchange syncExchange = new SyncExchange(transport, new BodyInput(transport, reader));
            syncExecutor.execute(new SyncCall(sync, request, transport, syncExchange));
        } else {
            // Queued rather than called now: outside Undertow's handler call, the app's writes may wait
            // for writability with a listener without tripping Undertow's dispatch bookkeeping.
            transport.ioThread.execute(() -> AsyncCall.run((AsyncApplication) app.app(), request, transport, reader));
        }
    }

    private BodyReader bodyReader(HttpServerExchange exchange, Transport transport) {
        HeaderValues lengths = exchange.getRequestHeaders().get(io.undertow.util.Headers.CONTENT_LENGTH);
        if (lengths != null && !lengths.isEmpty()) {
            long declared = Long.parseLong(lengths.getFirst().split(",")[0].strip());
            return declared == 0 ? null : new BodyReader(transport, config.maxBodySize(), declared);
        }
        return exchange.getRequestHeaders().contains(io.undertow.util.Headers.TRANSFER_ENCODING)
                ? new BodyReader(transport, config.maxBodySize(), -1)
                : null;
    }

    /** {@code OPTIONS *} is the server's to answer [JGI-REQ-10]; any other method with {@code *} is malformed. */
    private Rejection asterisk(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            return new Rejection(400, "[JGI-REQ-10] only OPTIONS may use the asterisk target");
        }
        return new Rejection(200, "");
    }

    private void reject(Transport transport, Rejection rejection) {
        if (rejection.status() == 200) {
            transport.respond(200, Headers.of("allow", "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS"), null);
            return;
        }
        if (rejection.status() != 404) {
            transport.exchange.setPersistent(false);
        }
        transport.reject(rejection.status(), reasonPhrase(rejection.status()) + ": " + rejection.reason());
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> "Error";
        };
    }

    private String requestId(HttpServerExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst("x-request-id");
        if (given != null && RequestIds.isAcceptable(given)) {
            InetSocketAddress peer = exchange.getSourceAddress();
            if (peer != null && proxies.trusts(peer.getAddress())) {
                return given;
            }
        }
        return RequestIds.next();
    }

    @Override
    public void ended(Transport transport, Completion completion) {
        connections.requestEnded(transport.exchange.getConnection());
        observer.requestEnded(transport, transport.exchange, completion);
        if (transport.counted) {
            inFlight.release();
        }
        if (accessLog != null) {
            log(transport, completion);
        }
        HostedApp app = transport.app;
        if (!transport.hooks.isEmpty()) {
            if (app != null && !app.isAsync()) {
                syncExecutor.execute(() -> finish(transport, completion, app));
                return;
            }
            transport.hooks.run(completion, transport.requestId);
        }
        if (app != null) {
            app.exit();
        }
    }

    private static void finish(Transport transport, Completion completion, HostedApp app) {
        try {
            transport.hooks.run(completion, transport.requestId);
        } finally {
            app.exit();
        }
    }

    private void log(Transport transport, Completion completion) {
        HttpServerExchange exchange = transport.exchange;
        Request request = transport.request;
        String client = request != null && request.client() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress()
                : exchange.getSourceAddress() == null
                        ? "-"
                        : exchange.getSourceAddress().getAddress().getHostAddress();
        accessLog.log(new AccessLog.Entry(
                client,
                exchange.getRequestMethod().toString(),
                transport.rawTarget != null ? transport.rawTarget : RequestMapper.rawTarget(exchange),
                exchange.getProtocol().toString(),
                completion.status(),
                completion.bytesSent(),
                exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.REFERER),
                exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.USER_AGENT),
                completion.duration().toNanos() / 1000,
                transport.requestId));
    }
}
