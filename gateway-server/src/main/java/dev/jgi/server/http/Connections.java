package dev.jgi.server.http;

import dev.jgi.server.log.ServerLog;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.ServerConnection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.XnioExecutor;

/**
 * Every open connection, for two jobs Undertow does not do: answering a client that does not send
 * its first request head in time with 408 [JGI-LIM-4] (Undertow would close silently), and closing
 * idle keep-alive connections on a graceful shutdown [JGI-LIFE-7]. All state of one connection is
 * touched only on its I/O thread.
 */
public final class Connections {

    /** How long a refused connection is drained before it closes, so the client can read the answer. */
    private static final long LINGER_MILLIS = 1000;

    private static final class State {
        XnioExecutor.Key headTimer;
        /** A refusal (414, 431) waiting for the complete requests before it to be answered, or 0. */
        int pendingRefusal;

        int busy;
        int requests;
        HeadScanner scanner;
    }

    private final Map<StreamConnection, State> open = new ConcurrentHashMap<>();
    private final Duration headerReadTimeout;
    private final Duration keepAliveTimeout;
    private final int maxRequestLine;
    private final int maxHead;
    private final int maxHeaderCount;
    private final int maxFieldSize;
    private final dev.jgi.server.observe.ServerObserver observer;
    private final Http2Limits http2Limits;
    private final boolean h2c;

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
        this.observer = observer;
        this.http2Limits = new Http2Limits(config.h2MaxResetRate(), config.h2MaxStreamRate());
        this.h2c = config.h2c();
    }

    /** A connection was accepted; called on its I/O thread before Undertow sees it. */
    public void opened(StreamConnection connection) {
        State state = new State();
        if (!(connection instanceof org.xnio.ssl.SslConnection)) {
            // Plain HTTP/1.1 only: under TLS the conduit chain belongs to the TLS engine.
            if (h2c) {
                connection
                        .getSourceChannel()
                        .setConduit(guard(
                                connection, state, connection.getSourceChannel().getConduit()));
            }
            state.scanner = new HeadScanner(
                    connection.getSourceChannel().getConduit(),
                    maxRequestLine,
                    maxHead,
                    maxHeaderCount,
                    maxFieldSize,
                    status -> connection.getIoThread().execute(() -> refuse(connection, status)));
            connection.getSourceChannel().setConduit(state.scanner);
        }
        open.put(connection, state);
        if (!headerReadTimeout.isZero()) {
            state.headTimer = connection
                    .getIoThread()
                    .executeAfter(
                            () -> headTimedOut(connection, state), headerReadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * A TLS connection chose HTTP/2 by ALPN: its stream rates are watched from now on, starting with
     * the bytes the ALPN listener already read, and its idle time is Undertow's HTTP/2 channel's to
     * time (GOAWAY after the keep-alive timeout), no longer the head timer's.
     */
    public void http2(StreamConnection connection, ByteBuffer alreadyRead) {
        State state = open.get(connection);
        if (state == null) {
            return;
        }
        StreamGuard guard =
                guard(connection, state, connection.getSourceChannel().getConduit());
        connection.getSourceChannel().setConduit(guard);
        if (alreadyRead != null) {
            guard.seen(alreadyRead);
        }
    }

    private StreamGuard guard(StreamConnection connection, State state, org.xnio.conduits.StreamSourceConduit next) {
        StreamGuard[] guard = new StreamGuard[1];
        guard[0] = new StreamGuard(next, http2Limits, new StreamGuard.Listener() {
            @Override
            public void http2Started() {
                if (state.headTimer != null) {
                    state.headTimer.remove();
                    state.headTimer = null;
                }
                open.remove(connection);
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
            public void cutOff(String reason) {
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
            open.remove(connection);
            return;
        }
        if (state.busy == 0) {
            ServerLog.debug(
                    "[JGI-LIM-4] no request head within " + headerReadTimeout.toMillis() + " ms; answering 408");
            if (state.scanner != null) {
                state.scanner.silence();
            }
            answerAndClose(connection, 408, "Request Timeout", "[JGI-LIM-4] the request head was not sent in time");
        }
    }

    private void refuse(StreamConnection connection, int status) {
        State state = open.get(connection);
        if (state != null && (state.busy > 0 || state.scanner.headsPending())) {
            state.pendingRefusal = status;
            return;
        }
        if (state != null && state.headTimer != null) {
            state.headTimer.remove();
            state.headTimer = null;
        }
        if (status == 414) {
            answerAndClose(
                    connection,
                    414,
                    "URI Too Long",
                    "[JGI-LIM-1] the request line is longer than " + maxRequestLine + " bytes");
        } else {
            answerAndClose(
                    connection,
                    431,
                    "Request Header Fields Too Large",
                    "[JGI-LIM-2] the request head has more than " + maxHeaderCount + " fields or " + maxHead
                            + " bytes");
        }
    }

    /**
     * Answers on the raw connection, before Undertow started any response, then drains it for a
     * moment before closing, so that the client reads the answer instead of a reset.
     */
    private void answerAndClose(StreamConnection connection, int status, String phrase, String reason) {
        observer.serverAnswered(status);
        byte[] body = (status + " " + phrase + ": " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + " " + phrase
                        + "\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\n" + "content-length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            // No shutdownWrites: through Undertow's conduits it would close the connection at once,
            // and the client, still sending, would get a reset instead of this answer.
            connection.getSinkChannel().write(new ByteBuffer[] {ByteBuffer.wrap(head), ByteBuffer.wrap(body)});
            connection.getSinkChannel().flush();
        } catch (IOException ignored) {
            // The client is gone already; closing is all that is left.
        }
        open.remove(connection);
        connection
                .getIoThread()
                .executeAfter(() -> IoUtils.safeClose(connection), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Notes a request on {@code server}; returns its raw head when the scanner recorded one, else null. */
    HeadInfo requestStarted(ServerConnection server) {
        if (!(server instanceof AbstractServerConnection connection)) {
            return null;
        }
        StreamConnection channel = connection.getChannel();
        State state = open.get(channel);
        if (state == null) {
            return null;
        }
        if (state.headTimer != null) {
            state.headTimer.remove();
            state.headTimer = null;
            server.addCloseListener(closed -> open.remove(channel));
        }
        state.busy++;
        state.requests++;
        return state.scanner == null ? null : state.scanner.next();
    }

    /** The raw-head scanner of a plain HTTP/1.1 connection, or null. */
    HeadScanner scannerOf(ServerConnection server) {
        if (server instanceof AbstractServerConnection connection) {
            State state = open.get(connection.getChannel());
            return state == null ? null : state.scanner;
        }
        return null;
    }

    /** The recorded head did not match Undertow's: stop using records on this connection. */
    void distrust(ServerConnection server) {
        if (server instanceof AbstractServerConnection connection) {
            State state = open.get(connection.getChannel());
            if (state != null && state.scanner != null) {
                state.scanner.lose();
            }
        }
    }

    void requestEnded(ServerConnection server) {
        if (server instanceof AbstractServerConnection connection) {
            StreamConnection channel = connection.getChannel();
            State state = open.get(channel);
            if (state != null) {
                state.busy--;
                if (state.busy == 0 && state.pendingRefusal != 0) {
                    int status = state.pendingRefusal;
                    state.pendingRefusal = 0;
                    // After this exchange's completion, so that its response goes out first.
                    channel.getIoThread().execute(() -> refuse(channel, status));
                }
            }
        }
    }

    /**
     * Closes every connection that stays idle for {@code graceMillis}; a request that arrives in the
     * meantime is answered (with {@code Connection: close}, the server is draining), and busy
     * connections close after their response.
     */
    public void closeIdle(long graceMillis) {
        open.forEach((connection, state) -> connection.getIoThread().execute(() -> {
            int seen = state.requests;
            connection
                    .getIoThread()
                    .executeAfter(
                            () -> {
                                if (state.busy <= 0 && state.requests == seen) {
                                    open.remove(connection);
                                    IoUtils.safeClose(connection);
                                }
                            },
                            graceMillis,
                            TimeUnit.MILLISECONDS);
        }));
    }

    /** Waits until every connection closed or {@code millis} passed; true when all closed. */
    public boolean awaitClosed(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!open.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return open.isEmpty();
    }

    /** Closes every connection, busy or not: the end of a shutdown whose grace ran out. */
    public void closeAll() {
        open.keySet().forEach(IoUtils::safeClose);
        open.clear();
    }
}
