package dev.jgi.server.http;

import dev.jgi.server.log.ServerLog;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;

/**
 * Every open connection, for two jobs Undertow does not do: answering a client that does not send
 * its first request head in time with 408 [JGI-LIM-4] (Undertow would close silently), and the
 * connection side of a graceful shutdown [JGI-LIFE-7]: once {@link #drain} began, every response
 * closes its connection, and a connection with nothing in flight closes once it has been quiet for
 * a while, never while a request (or part of one) is on it. The per-connection state is written on
 * the connection's I/O thread, except the request count, which responses may end elsewhere.
 */
public final class Connections {

    /** How often a draining connection with requests in flight is looked at again. */
    private static final long BUSY_POLL_MILLIS = 50;
    /**
     * How often an HTTP/2 connection is looked at to forget its state once it closed. Undertow's
     * HTTP/2 channel tells no one of its close before a stream exists, and its write-timeout conduit
     * holds the connection's one close listener.
     */
    private static final long HTTP2_CLOSED_POLL_MILLIS = 5_000;

    private static final class State {
        private static final java.util.concurrent.atomic.AtomicIntegerFieldUpdater<State> BUSY =
                java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(State.class, "busy");

        /** The peer address of a connection that may speak HTTP/2 (it has a guard), else null. */
        java.net.SocketAddress peer;

        XnioExecutor.Key headTimer;
        /** Requests started and not ended; through {@link #BUSY}, as responses may end on other threads. */
        volatile int busy;

        final ExchangesInFlight exchanges = new ExchangesInFlight();
        /** When the last request ended or the connection opened, by {@link System#nanoTime()}. */
        volatile long lastEnded = System.nanoTime();
        /** A WebSocket now: the shutdown closes it with 1001, not as an idle connection. */
        volatile boolean upgraded;
        /** A refusal (414, 431) waiting for the complete requests before it to be answered, or 0. */
        volatile int pendingRefusal;

        HeadScanner scanner;
        /** The raw targets of an HTTP/2 connection's requests, or null. */
        Http2Targets http2Targets;
        /** The exchanges of an HTTP/2 connection by stream, told of resets; null until the first is watched. */
        volatile StreamResets resets;
        /** The HTTP/2 stream guard of a cleartext connection when h2c is on, else null. */
        StreamGuard guard;
        /** Discards what the client still sends once the server ends an HTTP/1.1 connection. */
        LingeringClose linger;

        synchronized StreamResets resets() {
            if (resets == null) {
                resets = new StreamResets();
            }
            return resets;
        }

        long lastActive() {
            return scanner == null ? lastEnded : Math.max(lastEnded, scanner.lastRead());
        }

        boolean idle() {
            return busy <= 0 && !upgraded && (scanner == null || !scanner.midHead());
        }
    }

    private final Map<StreamConnection, State> open = new ConcurrentHashMap<>();
    /**
     * The states of connections that may speak HTTP/2, by peer address: HTTP/2 exchanges name their
     * connection only by it. An HTTP/1.1 connection is looked up by itself in {@link #open}.
     */
    private final Map<java.net.SocketAddress, State> byPeer = new ConcurrentHashMap<>();

    private final Duration headerReadTimeout;
    private final Duration keepAliveTimeout;
    private final int maxRequestLine;
    private final int maxHead;
    private final int maxHeaderCount;
    private final int maxFieldSize;
    /** How long a draining connection must be quiet before it closes; negative until {@link #drain}. */
    private volatile long drainQuietMillis = -1;

    private final Http2Limits http2Limits;
    private final boolean h2c;
    private final RawAnswers answers;
    /** One listener for every connection, so that a connection holds no closure of its own. */
    private final ServerConnection.CloseListener forgetWhenClosed;

    private final ParserRefusals.Listener parserRefused;

    /**
     * @param config   the limits: request line (414), head and header count (431), chunk lines and
     *                 trailers (400, 431), the header-read and keep-alive timeouts, the HTTP/2 rates
     * @param observer told of each answer given here
     */
    public Connections(dev.jgi.server.ServerConfig config, dev.jgi.server.observe.ServerObserver observer) {
        this.headerReadTimeout = config.headerReadTimeout();
        this.keepAliveTimeout = config.keepAliveTimeout();
        this.maxRequestLine = config.maxRequestLine();
        this.maxHead = config.maxHeaderSize();
        this.maxHeaderCount = config.maxHeaderCount();
        this.maxFieldSize = config.maxFieldSize();
        this.http2Limits = new Http2Limits(config.h2MaxResetRate(), config.h2MaxStreamRate());
        this.h2c = config.h2c();
        this.answers = new RawAnswers(observer, maxRequestLine, maxHead, maxHeaderCount);
        this.forgetWhenClosed = closed -> forget(((AbstractServerConnection) closed).getChannel());
        this.parserRefused = connection -> answers.parserRefused(connection, ParserRefusals.length());
    }

    /** Logs the answers given before any exchange (here, and Undertow's parser's 400) to {@code log}. */
    public void logAnswersTo(dev.jgi.server.log.AccessLog log) {
        answers.logTo(log);
    }

    /** A connection was accepted, on its I/O thread; answers the one to give Undertow (see LingeringClose#wrap). */
    public StreamConnection opened(StreamConnection accepted) {
        State state = new State();
        state.linger = new LingeringClose(accepted.getSourceChannel().getConduit());
        accepted.getSourceChannel().setConduit(state.linger);
        boolean tls = accepted instanceof org.xnio.ssl.SslConnection;
        StreamConnection connection = h2c && !tls ? state.linger.wrap(accepted) : accepted;
        connection
                .getSinkChannel()
                .setConduit(new ParserRefusals(connection.getSinkChannel().getConduit(), connection, parserRefused));
        if (!tls) {
            // Under TLS, the scanner waits for ALPN to choose HTTP/1.1 (http1).
            if (h2c) {
                state.guard =
                        guard(connection, state, connection.getSourceChannel().getConduit());
                connection.getSourceChannel().setConduit(state.guard);
            }
            state.scanner = scanner(connection);
        }
        open.put(connection, state);
        long quiet = drainQuietMillis;
        if (quiet >= 0) {
            // Accepted from the backlog as the listener closed: served like any other, then drained.
            closeWhenQuiet(connection, state, quiet);
        }
        if (!headerReadTimeout.isZero()) {
            state.headTimer = connection
                    .getIoThread()
                    .executeAfter(
                            () -> headTimedOut(connection, state), headerReadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return connection;
    }

    /**
     * A TLS connection chose HTTP/1.1 (by ALPN, or offering none): its request heads, chunk lines
     * and trailers are checked from now on as a cleartext connection's are [JGI-LIM-2], starting
     * with the bytes the ALPN listener already read. Called before Undertow sees the connection,
     * which it answers.
     */
    public StreamConnection http1(StreamConnection connection, ByteBuffer alreadyRead) {
        State state = open.get(connection);
        if (state != null && state.scanner == null) {
            state.scanner = scanner(connection);
            if (alreadyRead != null) {
                state.scanner.seen(alreadyRead);
            }
        }
        return connection;
    }

    /** Puts a head scanner on {@code connection}'s decrypted (or plain) bytes. */
    private HeadScanner scanner(StreamConnection connection) {
        HeadScanner scanner = new HeadScanner(
                connection.getSourceChannel().getConduit(),
                maxRequestLine,
                maxHead,
                maxHeaderCount,
                maxFieldSize,
                status -> connection.getIoThread().execute(() -> refuse(connection, status)));
        connection.getSourceChannel().setConduit(scanner);
        return scanner;
    }

    /**
     * A TLS connection chose HTTP/2 by ALPN: its stream rates are watched from now on, starting with
     * the bytes the ALPN listener already read, and its idle time is Undertow's HTTP/2 channel's to
     * time (GOAWAY after the keep-alive timeout), no longer the head timer's. Answers the
     * connection to give Undertow's HTTP/2 channel: one whose close lingers.
     */
    public StreamConnection http2(StreamConnection connection, ByteBuffer alreadyRead) {
        State state = open.get(connection);
        if (state == null) {
            return connection;
        }
        StreamGuard guard =
                guard(connection, state, connection.getSourceChannel().getConduit());
        connection.getSourceChannel().setConduit(guard);
        if (alreadyRead != null) {
            guard.seen(alreadyRead);
        }
        return state.linger.wrap(connection);
    }

    private StreamGuard guard(StreamConnection connection, State state, org.xnio.conduits.StreamSourceConduit next) {
        StreamGuard[] guard = new StreamGuard[1];
        state.peer = connection.getPeerAddress();
        if (state.peer != null) {
            byPeer.put(state.peer, state);
        }
        // A compressed header block may slightly outgrow the head it decodes to.
        state.http2Targets = new Http2Targets(2 * maxHead);
        guard[0] = new StreamGuard(next, http2Limits, state.http2Targets, new StreamGuard.Listener() {
            @Override
            public void http2Started() {
                state.linger.lingerOnClose();
                if (state.headTimer != null) {
                    state.headTimer.remove();
                    state.headTimer = null;
                }
                open.remove(connection);
                forgetOnceClosed(connection, state);
                if (!keepAliveTimeout.isZero()) {
                    connection
                            .getIoThread()
                            .executeAfter(
                                    () -> {
                                        guard[0].goAwayIfNoStream();
                                        connection.getSourceChannel().wakeupReads();
                                    },
                                    keepAliveTimeout.toMillis(),
                                    TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void reset(int stream) {
                // After Undertow has read the frame: this runs inside the read that brought it.
                connection.getIoThread().execute(() -> {
                    StreamResets resets = state.resets;
                    if (resets != null) {
                        resets.reset(stream);
                    }
                });
            }

            @Override
            public void cutOff(String reason) {
                // When the read that tripped the guard was not refused (it brought the preface),
                // nothing else would read again before the client sends more.
                connection
                        .getIoThread()
                        .execute(() -> connection.getSourceChannel().wakeupReads());
                ServerLog.warn(
                        null,
                        "HTTP/2 client " + connection.getPeerAddress() + " cut off with GOAWAY ENHANCE_YOUR_CALM: "
                                + reason);
            }
        });
        return guard[0];
    }

    private void headTimedOut(StreamConnection connection, State state) {
        state.headTimer = null;
        if (!connection.isOpen()) {
            forget(connection);
            return;
        }
        if (state.busy == 0) {
            ServerLog.debug(
                    "[JGI-LIM-4] no request head within " + headerReadTimeout.toMillis() + " ms; answering 408");
            if (state.scanner != null) {
                state.scanner.silence();
            }
            forget(connection);
            answers.timedOut(connection, state.linger);
        }
    }

    private void refuse(StreamConnection connection, int status) {
        State state = open.get(connection);
        if (state == null) {
            // Closed already, or no longer HTTP/1.1: nothing to answer.
            return;
        }
        if (state.busy > 0 || (state.scanner != null && state.scanner.headsPending())) {
            state.pendingRefusal = status;
            return;
        }
        if (state.headTimer != null) {
            state.headTimer.remove();
            state.headTimer = null;
        }
        forget(connection);
        answers.refuse(connection, state.linger, status);
    }

    /**
     * Wraps the server's root handler: counts each request (static files too) on its connection,
     * hands it its raw-head record ({@link ExchangeHead}), and once the drain began, makes its
     * response close the connection.
     */
    public io.undertow.server.HttpHandler watch(io.undertow.server.HttpHandler next) {
        return exchange -> {
            State state = stateOf(exchange.getConnection());
            if (state != null) {
                if (state.guard != null
                        && "h2c".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("upgrade"))) {
                    state.guard.expectPreface();
                }
                started(exchange.getConnection(), state);
                ExchangeHead.take(exchange, state.scanner);
                state.exchanges.add(exchange);
                exchange.addExchangeCompleteListener((done, proceed) -> {
                    state.exchanges.remove(done);
                    state.linger.lingerIfClosing(done);
                    if (done.getStatusCode() == 101
                            && !"h2c".equalsIgnoreCase(done.getRequestHeaders().getFirst("upgrade"))) {
                        state.upgraded = true;
                    }
                    state.lastEnded = System.nanoTime();
                    proceed.proceed();
                    if (State.BUSY.decrementAndGet(state) == 0 && state.pendingRefusal != 0) {
                        refuseLater(done.getConnection(), state);
                    }
                });
            }
            if (drainQuietMillis >= 0) {
                exchange.setPersistent(false);
            }
            next.handleRequest(exchange);
        };
    }

    /** Answers a refusal held back for the requests before it, after the last one's response went out. */
    private void refuseLater(ServerConnection server, State state) {
        if (server instanceof AbstractServerConnection connection) {
            StreamConnection channel = connection.getChannel();
            channel.getIoThread().execute(() -> {
                int status = state.pendingRefusal;
                state.pendingRefusal = 0;
                if (status != 0) {
                    refuse(channel, status);
                }
            });
        }
    }

    private void started(ServerConnection server, State state) {
        if (state.headTimer != null) {
            state.headTimer.remove();
            state.headTimer = null;
            if (server instanceof AbstractServerConnection) {
                server.addCloseListener(forgetWhenClosed);
            }
        }
        State.BUSY.incrementAndGet(state);
    }

    private State stateOf(ServerConnection server) {
        if (server instanceof AbstractServerConnection connection) {
            return open.get(connection.getChannel());
        }
        java.net.SocketAddress peer = server.getPeerAddress();
        return peer == null ? null : byPeer.get(peer);
    }

    /**
     * The target of the HTTP/2 request Undertow parsed as {@code method} and {@code parsed} on
     * {@code server}, as the client sent it, or empty.
     */
    Optional<Http2Targets.Target> http2Target(ServerConnection server, String method, String parsed) {
        State state = stateOf(server);
        return state == null || state.http2Targets == null ? Optional.empty() : state.http2Targets.take(method, parsed);
    }

    /**
     * Runs {@code reset} if the client resets {@code stream} of the HTTP/2 connection {@code server}
     * before {@code exchange} completes.
     */
    void onReset(ServerConnection server, int stream, HttpServerExchange exchange, Runnable reset) {
        State state = stateOf(server);
        if (state != null) {
            StreamResets resets = state.resets();
            resets.watch(stream, reset);
            exchange.addExchangeCompleteListener((done, next) -> {
                resets.forget(stream);
                next.proceed();
            });
        }
    }

    /** The raw-head scanner of an HTTP/1.1 connection, or null. */
    HeadScanner scannerOf(ServerConnection server) {
        if (server instanceof AbstractServerConnection connection) {
            State state = open.get(connection.getChannel());
            return state == null ? null : state.scanner;
        }
        return null;
    }

    /**
     * Begins the connection side of a graceful shutdown: from now on every response closes its
     * connection, and a connection closes once nothing is in flight on it (no request, no part of
     * a request head, not a WebSocket) and nothing arrived on it for {@code quietMillis}. Closing an
     * idle connection at once would reset a request already on the wire (RFC 9112 section 9.6).
     */
    public void drain(long quietMillis) {
        drainQuietMillis = quietMillis;
        open.forEach((connection, state) -> connection.getIoThread().execute(() -> {
            // A response not started yet closes its connection; one already sent kept it alive, and
            // that connection closes once quiet.
            state.exchanges.closeAfterResponses();
            closeWhenQuiet(connection, state, quietMillis);
        }));
    }

    private void closeWhenQuiet(StreamConnection connection, State state, long quietMillis) {
        if (!connection.isOpen()) {
            forget(connection);
            return;
        }
        long quietFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - state.lastActive());
        if (state.idle() && quietFor >= quietMillis) {
            forget(connection);
            IoUtils.safeClose(connection);
            return;
        }
        long wait = state.idle() ? quietMillis - quietFor : BUSY_POLL_MILLIS;
        connection
                .getIoThread()
                .executeAfter(
                        () -> closeWhenQuiet(connection, state, quietMillis), Math.max(1, wait), TimeUnit.MILLISECONDS);
    }

    /** Drops an HTTP/2 connection's state from {@link #byPeer} once the connection closed. */
    private void forgetOnceClosed(StreamConnection connection, State state) {
        if (!connection.isOpen()) {
            if (state.peer != null) {
                byPeer.remove(state.peer, state);
            }
            return;
        }
        connection
                .getIoThread()
                .executeAfter(
                        () -> forgetOnceClosed(connection, state), HTTP2_CLOSED_POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void forget(StreamConnection connection) {
        State state = open.remove(connection);
        if (state != null && state.peer != null) {
            byPeer.remove(state.peer, state);
        }
    }

    /** Waits until every connection closed, or {@code millis} passed; true when they all closed. */
    public boolean awaitClosed(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!drained() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return drained();
    }

    private boolean drained() {
        open.keySet().removeIf(connection -> !connection.isOpen());
        return open.isEmpty();
    }

    /** Closes every connection, busy or not: the end of a shutdown whose grace ran out. */
    public void closeAll() {
        open.keySet().forEach(IoUtils::safeClose);
        open.clear();
        byPeer.clear();
    }
}
