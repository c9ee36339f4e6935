package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.server.log.ServerLog;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import org.xnio.XnioIoThread;

/**
 * The client side of one exchange. Every method that touches Undertow runs on the exchange's I/O
 * thread (the application's thread hands work over with {@link #execute}), so the state below needs
 * no locking: commit, abort, deadline and completion are ordered by that one thread.
 */
final class Transport implements ExchangeCompletionListener, dev.jgi.server.observe.ObservedRequest {

    /** Told once when the exchange is over, on the I/O thread. */
    interface Ended {
        void ended(Transport transport, Completion completion);
    }

    final HttpServerExchange exchange;
    final XnioIoThread ioThread;
    final String requestId;
    final long startNanos;
    final boolean head;
    final Hooks hooks = new Hooks();
    private final Ended ended;
    private final ErrorPages errors;

    private boolean committed;
    private boolean closed;
    private boolean finished;
    private Throwable error;
    private XnioExecutor.Key deadline;
    private org.xnio.channels.StreamSinkChannel channel;
    /** Set by the body reader when the body crossed the limit, so that a failure becomes 413 [JGI-LIM-3]. */
    boolean bodyTooLarge;
    /** Set by the body reader when the chunked framing was malformed, so that a failure becomes 400 [JGI-BODY-9]. */
    boolean badBody;

    volatile boolean disconnected;
    volatile Thread appThread;
    /** Set by the handler once the request counts against the in-flight cap and its app. */
    boolean counted;

    HostedApp app;
    dev.jgi.api.Request request;
    BodyReader reader;
    String rawTarget;
    HeadInfo rawHead;
    HeadScanner scanner;

    Transport(HttpServerExchange exchange, String requestId, long startNanos, Ended ended, ErrorPages errors) {
        this.exchange = exchange;
        this.ioThread = exchange.getIoThread();
        this.requestId = requestId;
        this.startNanos = startNanos;
        this.head = exchange.getRequestMethod().equals(io.undertow.util.Methods.HEAD);
        this.ended = ended;
        this.errors = errors;
        exchange.addExchangeCompleteListener(this);
    }

    /** Runs {@code task} on the I/O thread: now if this is it, else queued. Any thread. */
    void execute(Runnable task) {
        if (Thread.currentThread() == ioThread) {
            task.run();
        } else {
            ioThread.execute(task);
        }
    }

    /** Whether the application may still answer: not timed out, aborted or finished. */
    boolean isOpen() {
        return !closed;
    }

    boolean isCommitted() {
        return committed;
    }

    /** Sends the status and header fields; the body follows. {@code contentLength} is -1 when unknown. */
    void commit(int status, Headers headers, long contentLength) {
        committed = true;
        if (reader != null && reader.leavesMuchUnread()) {
            exchange.setPersistent(false);
        }
        exchange.setStatusCode(status);
        HeaderMap target = exchange.getResponseHeaders();
        headers.forEach((name, value) -> target.add(HttpString.tryFromString(name), value));
        if (headers.contains("content-length") || status == 204 || status == 304) {
            return;
        }
        if (contentLength >= 0) {
            exchange.setResponseContentLength(contentLength);
        } else if (exchange.getProtocol().equals(io.undertow.util.Protocols.HTTP_1_1)) {
            // Undertow would close-delimit when the client asked to close; JGI wants chunked [JGI-FRAME-3].
            target.put(io.undertow.util.Headers.TRANSFER_ENCODING, io.undertow.util.Headers.CHUNKED.toString());
        }
    }

    /** A HEAD answer for a body of unknown length: the head a GET would get, no body [JGI-FRAME-10]. */
    void respondHead(int status, Headers headers) {
        if (closed) {
            return;
        }
        commit(status, headers, -1);
        closed = true;
        exchange.endExchange();
    }

    /** A whole response at once: status, fields and a body of known length (null for none). */
    void respond(int status, Headers headers, ByteBuffer body) {
        if (closed) {
            return;
        }
        int length = body == null ? 0 : body.remaining();
        commit(status, headers, length);
        closed = true;
        if (length == 0 || head || status == 204 || status == 304) {
            exchange.endExchange();
        } else {
            BufferSend.start(body, channel(), exchange::endExchange, this::abort, false);
        }
    }

    /** A file region as the whole body, its length known; the file is closed when done. */
    void respondFile(int status, Headers headers, java.nio.channels.FileChannel file, long offset, long length) {
        if (closed) {
            IoUtils.safeClose(file);
            return;
        }
        commit(status, headers, length);
        closed = true;
        if (length == 0 || head || status == 204 || status == 304) {
            IoUtils.safeClose(file);
            exchange.endExchange();
        } else {
            FileSend.start(file, channel(), offset, length, exchange::endExchange, this::abort);
        }
    }

    /** The response channel, opened once and shared by every write of this exchange. */
    org.xnio.channels.StreamSinkChannel channel() {
        if (channel == null) {
            channel = exchange.getResponseChannel();
        }
        return channel;
    }

    /** Writes one piece of a streamed body; the callbacks run on the I/O thread. */
    void sendPiece(ByteBuffer data, boolean last, Runnable accepted, Consumer<IOException> failed) {
        if (finished || error != null) {
            failed.accept(new ClientDisconnectedException("[JGI-DISC-1] the exchange is over"));
            return;
        }
        if (!data.hasRemaining() || head) {
            if (last) {
                closed = true;
                exchange.endExchange();
            }
            accepted.run();
            return;
        }
        BufferSend.start(
                data,
                channel(),
                () -> {
                    if (last) {
                        closed = true;
                        exchange.endExchange();
                    }
                    accepted.run();
                },
                failure -> {
                    abort(failure);
                    failed.accept(failure);
                });
    }

    /** Sends a file region as one piece of a streamed body; the file is closed when done. */
    void sendFilePiece(
            java.nio.channels.FileChannel file,
            long offset,
            long length,
            boolean last,
            Runnable accepted,
            Consumer<IOException> failed) {
        if (finished || error != null) {
            IoUtils.safeClose(file);
            failed.accept(new ClientDisconnectedException("[JGI-DISC-1] the exchange is over"));
            return;
        }
        FileSend.start(
                file,
                channel(),
                offset,
                head ? 0 : length,
                () -> {
                    if (last) {
                        closed = true;
                        exchange.endExchange();
                    }
                    accepted.run();
                },
                failure -> {
                    abort(failure);
                    failed.accept(failure);
                });
    }

    /**
     * The application failed: 500 (413 after an over-long body) if nothing was committed, else an
     * abort the client can see [JGI-ERR-1] [JGI-ERR-2]. Logged with the request id [JGI-ERR-3].
     */
    void fail(String clause, Throwable failure) {
        if (finished) {
            return;
        }
        if (failure != null) {
            ServerLog.error(requestId, clause, failure);
        } else {
            ServerLog.warn(requestId, clause);
        }
        if (!committed && !closed) {
            error = failure;
            if (bodyTooLarge) {
                exchange.setPersistent(false);
                reject(413, "Content Too Large: [JGI-LIM-3] the request body is too large");
            } else if (badBody) {
                reject(400, "Bad Request: [JGI-BODY-9] the chunked body is malformed");
            } else {
                exchange.setPersistent(false);
                errors.send(this, 500, "Internal Server Error", failure);
            }
        } else {
            abort(failure == null ? new IllegalStateException(clause) : failure);
        }
    }

    /** Answers with an error status on the server's own behalf (a limit, a malformed request, 503). */
    void reject(int status, String reason) {
        if (closed || committed) {
            return;
        }
        errors.send(this, status, reason, null);
    }

    /** Ends the exchange so the client can tell it is incomplete: the connection is closed. */
    void abort(Throwable cause) {
        if (finished) {
            return;
        }
        closed = true;
        if (error == null) {
            error = cause;
        }
        if (cause instanceof ClientDisconnectedException) {
            disconnected = true;
        }
        IoUtils.safeClose(exchange.getConnection());
        complete();
    }

    /** After {@code timeout}, a request not yet committed gets 503 and its thread an interrupt. */
    void armDeadline(Duration timeout) {
        deadline = ioThread.executeAfter(
                () -> {
                    if (!committed && !closed) {
                        ServerLog.warn(
                                requestId,
                                "the request deadline of " + timeout.toMillis() + " ms passed; answering 503");
                        Thread thread = appThread;
                        if (thread != null) {
                            thread.interrupt();
                        }
                        exchange.setPersistent(false);
                        errors.send(this, 503, "Service Unavailable: the request took too long", null);
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void exchangeEvent(HttpServerExchange ex, NextListener next) {
        try {
            complete();
        } finally {
            next.proceed();
        }
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public String target() {
        String raw = rawTarget;
        return raw != null ? raw : exchange.getRequestURI();
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    public Optional<Thread> thread() {
        Thread own = appThread;
        HostedApp hosted = app;
        return Optional.ofNullable(own != null ? own : hosted != null && hosted.isAsync() ? ioThread : null);
    }

    @Override
    public long bytesReceived() {
        BodyReader body = reader;
        return body == null ? 0 : body.received();
    }

    private void complete() {
        if (finished) {
            return;
        }
        finished = true;
        closed = true;
        if (deadline != null) {
            deadline.remove();
        }
        int status = committed || exchange.isResponseStarted() ? exchange.getStatusCode() : 0;
        Completion completion = new Completion(
                status,
                exchange.getResponseBytesSent(),
                Optional.ofNullable(error),
                Duration.ofNanos(System.nanoTime() - startNanos));
        ended.ended(this, completion);
    }
}
