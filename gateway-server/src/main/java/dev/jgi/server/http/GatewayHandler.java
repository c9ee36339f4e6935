package dev.jgi.server.http;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.kernel.body.LimitedBody;
import dev.jgi.kernel.request.RequestLine;
import dev.jgi.kernel.websocket.SyncWebSocket;
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
import io.undertow.util.Protocols;
import io.undertow.util.SameThreadExecutor;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The root Undertow handler: checks the head, maps it to a {@link Request}, and starts the
 * application, on the I/O thread. A sync application continues on its own thread ({@link SyncCall}),
 * an async one on this I/O thread ({@link AsyncCall}).
 */
public final class GatewayHandler implements HttpHandler, Transport.Ended {

    private final ServerConfig config;
    private final AppSlot apps;
    private final Executor syncExecutor;
    private final AccessLog accessLog;
    private final InFlight inFlight;
    private final Connections connections;
    private final HeadCheck check;
    private final RequestMapper mapper;
    private final TrustedProxies proxies;
    private final ErrorPages errors;
    private final BodyTimeouts bodyTimeouts;
    private final WebSocketUpgrade webSockets;
    private final ServerObserver observer;
    /** The drain signal of every exchange in flight [JGI-LIFE-9]. */
    private final dev.jgi.kernel.hooks.Drain drain = new dev.jgi.kernel.hooks.Drain();

    public GatewayHandler(
            ServerConfig config,
            Set<Capability> declared,
            AppSlot apps,
            Executor syncExecutor,
            AccessLog accessLog,
            InFlight inFlight,
            Connections connections,
            ServerObserver observer) {
        this.config = config;
        this.bodyTimeouts = new BodyTimeouts(config.bodyReadTimeout(), config.minBodyRate());
        this.apps = apps;
        this.syncExecutor = syncExecutor;
        this.accessLog = accessLog;
        this.inFlight = inFlight;
        this.connections = connections;
        this.check = new HeadCheck(config);
        this.proxies = TrustedProxies.parse(config.forwardedAllowIps());
        this.mapper = new RequestMapper(config.rootPath(), proxies, declared);
        this.observer = observer;
        this.errors = new ErrorPages(config.dev(), observer);
        this.webSockets = new WebSocketUpgrade(WebSocketSettings.defaults()
                .withMaxMessageSize(config.wsMaxMessageSize())
                .withIdleTimeout(config.wsIdleTimeout()));
    }

    /**
     * Closes the open WebSockets with 1001 and waits for their close, at most {@code patience}: the
     * graceful timeout of a shutdown ran out [JGI-LIFE-7].
     */
    public void closeWebSockets(java.time.Duration patience) {
        webSockets.goingAway(patience);
    }

    /** A graceful shutdown begins: the drain callbacks of the exchanges in flight run, and those of later ones at once [JGI-LIFE-9]. */
    public void beginDrain() {
        drain.begin();
        webSockets.beginDrain();
    }

    /**
     * Whether the head checks refuse this request: those made on the raw head as received (400 for
     * a bare CR or obsolete line folding) and on the parsed one (414, 431, 413 by its declared
     * length, 400 for a malformed field, host or framing). A handler in front of this one that
     * answers some requests itself, the static files, hands such a request here instead, where it
     * gets the same refusal, error page and access-log line as any other.
     */
    public boolean refuses(HttpServerExchange exchange) {
        HeadInfo head = ExchangeHead.of(exchange);
        return refusal(exchange, head == null ? RequestMapper.rawTarget(exchange) : head.target(), head) != null;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long started = System.nanoTime();
        HeadInfo head = ExchangeHead.of(exchange);
        String parsed = head == null ? RequestMapper.rawTarget(exchange) : null;
        Optional<Http2Targets.Target> sent = head == null
                        && exchange.getProtocol().equals(Protocols.HTTP_2_0)
                ? connections.http2Target(
                        exchange.getConnection(), exchange.getRequestMethod().toString(), parsed)
                : Optional.empty();
        String raw = head != null
                ? head.target()
                : sent.map(Http2Targets.Target::path).orElse(parsed);
        Transport transport = new Transport(exchange, requestId(exchange), raw, started, this, errors, drain);
        sent.ifPresent(target -> connections.onReset(
                exchange.getConnection(),
                target.stream(),
                exchange,
                () -> transport.execute(transport.departure::streamReset)));
        observer.requestStarted(transport, exchange);
        try {
            switch (admit(exchange, raw, head)) {
                case Admission.Refused refused -> transport.refuse(refused);
                case Admission.Answered answered -> transport.respond(answered.status(), answered.headers(), null);
                case Admission.Admitted admitted -> enter(exchange, transport, admitted.target(), head);
            }
        } catch (RuntimeException | Error failure) {
            transport.fail("[JGI-ERR-7] the server failed to start the exchange", failure);
        }
    }

    /** The admission step: the head's refusal, if any, then the target. */
    private Admission admit(HttpServerExchange exchange, String raw, HeadInfo head) {
        Admission.Refused refused = refusal(exchange, raw, head);
        if (refused != null) {
            return refused;
        }
        if (exchange.getRequestURI().equals("*")) {
            return asterisk(exchange);
        }
        return mapper.target(raw);
    }

    /** The recorded head's malformations, a tunnel, the head checks: the refusal, or null. */
    private Admission.Refused refusal(HttpServerExchange exchange, String raw, HeadInfo head) {
        if (head != null && head.malformed() != null) {
            return new Admission.Refused(400, head.malformed());
        }
        OptionalInt tunnel = RequestLine.method(exchange.getRequestMethod().toString());
        if (tunnel.isPresent()) {
            return new Admission.Refused(tunnel.getAsInt(), "[JGI-REQ-12] CONNECT: JGI 1.0 has no tunnels");
        }
        return check.check(exchange, raw);
    }

    /** Counts the admitted request against the cap, enters the current app and starts it (or its WebSocket). */
    private void enter(HttpServerExchange exchange, Transport transport, RequestTarget target, HeadInfo head) {
        if (!inFlight.tryAcquire()) {
            errors.send(
                    transport,
                    503,
                    "Service Unavailable: the server is at its in-flight cap",
                    null,
                    Headers.of("retry-after", "1"));
            return;
        }
        Optional<HostedApp> entered = apps.enter();
        if (entered.isEmpty()) {
            inFlight.release();
            errors.send(transport, 503, "Service Unavailable: the server is shutting down", null);
            return;
        }
        HostedApp app = entered.get();
        transport.entered(app);
        Request request = mapper.request(exchange, target, app.state(), transport.requestId, head);
        if (request.capabilities().contains(Capability.WEBSOCKET) && WebSocketUpgrade.isHandshake(exchange)) {
            // [JGI-WS-1]; a sync application gets the handshake through Exchange.webSocket() [JGI-WS-11].
            Request handshake = WebSocketUpgrade.asHandshake(request);
            transport.mapped(handshake);
            webSockets.serve(
                    exchange,
                    handshake,
                    app.app() instanceof AsyncApplication async ? async : SyncWebSocket.of((Application) app.app()));
            return;
        }
        transport.mapped(request);
        start(exchange, transport, app, request, head == null ? null : connections.scannerOf(exchange.getConnection()));
    }

    private void start(
            HttpServerExchange exchange, Transport transport, HostedApp app, Request request, HeadScanner scanner) {
        BodyReader reader = bodyReader(exchange, transport, scanner);
        transport.reading(reader);
        if (!config.requestDeadline().isZero()) {
            transport.armDeadline(config.requestDeadline());
        }
        // Undertow runs a dispatched task once this handler call returned, and keeps the exchange open.
        if (app.app() instanceof Application sync) {
            SyncExchange syncExchange = new SyncExchange(
                    transport,
                    new LimitedBody(new BodyInput(transport, reader), request.bodyLength()),
                    reader,
                    request.capabilities().contains(Capability.EARLY_HINTS));
            exchange.dispatch(syncExecutor, new SyncCall(sync, request, transport, syncExchange));
        } else {
            // On this I/O thread, but outside the handler call: there the app's writes may wait for
            // writability with a listener without tripping Undertow's dispatch bookkeeping.
            exchange.dispatch(
                    SameThreadExecutor.INSTANCE,
                    () -> AsyncCall.run((AsyncApplication) app.app(), request, transport, reader));
        }
    }

    private BodyReader bodyReader(HttpServerExchange exchange, Transport transport, HeadScanner scanner) {
        HeaderValues lengths = exchange.getRequestHeaders().get(io.undertow.util.Headers.CONTENT_LENGTH);
        if (lengths != null && !lengths.isEmpty()) {
            long declared = Long.parseLong(lengths.getFirst().split(",", -1)[0].strip());
            return declared == 0
                    ? null
                    : new BodyReader(transport, scanner, config.maxBodySize(), declared, bodyTimeouts);
        }
        // HTTP/2 frames a body of unknown length in DATA frames without any field announcing it
        // (RFC 9113 §8.1): there the open stream, not a transfer coding, says that a body follows.
        boolean streamed = exchange.getRequestHeaders().contains(io.undertow.util.Headers.TRANSFER_ENCODING)
                || (io.undertow.util.Protocols.HTTP_2_0.equals(exchange.getProtocol())
                        && !exchange.isRequestComplete());
        return streamed ? new BodyReader(transport, scanner, config.maxBodySize(), -1, bodyTimeouts) : null;
    }

    /** {@code OPTIONS *} is the server's to answer [JGI-REQ-10]; any other method with {@code *} is malformed. */
    private static Admission asterisk(HttpServerExchange exchange) {
        if (!exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            return new Admission.Refused(400, "[JGI-REQ-10] only OPTIONS may use the asterisk target");
        }
        return new Admission.Answered(200, Headers.of("allow", "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS"));
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
        observer.requestEnded(transport, transport.exchange, completion);
        HostedApp app = transport.app().orElse(null);
        if (app != null) {
            inFlight.release();
        }
        if (accessLog != null) {
            log(transport, completion);
        }
        if (!transport.hooks.isEmpty()) {
            if (app != null && !app.isAsync()) {
                syncExecutor.execute(() -> finish(transport, completion, app));
                return;
            }
            transport.hooks.run(completion);
        }
        if (app != null) {
            app.exit();
        }
    }

    private static void finish(Transport transport, Completion completion, HostedApp app) {
        try {
            transport.hooks.run(completion);
        } finally {
            app.exit();
        }
    }

    private void log(Transport transport, Completion completion) {
        HttpServerExchange exchange = transport.exchange;
        String client = transport.request().map(Request::client).orElse(null) instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress()
                : exchange.getSourceAddress() == null
                        ? "-"
                        : exchange.getSourceAddress().getAddress().getHostAddress();
        accessLog.log(new AccessLog.Entry(
                client,
                exchange.getRequestMethod().toString(),
                transport.rawTarget,
                exchange.getProtocol().toString(),
                completion.status(),
                completion.bytesSent(),
                exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.REFERER),
                exchange.getRequestHeaders().getFirst(io.undertow.util.Headers.USER_AGENT),
                completion.duration().toNanos() / 1000,
                transport.requestId));
    }
}
