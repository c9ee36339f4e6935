package dev.jgi.server.http;

import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.kernel.hooks.CompletionHooks;
import dev.jgi.kernel.hooks.Drain;
import dev.jgi.kernel.hooks.Signal;
import dev.jgi.kernel.response.ResponseHead;
import dev.jgi.kernel.response.TrailerFraming;
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
 * no locking: commit, abort, deadline and completion are ordered by that one thread. Where the
 * response stands is one {@link Phase}, moved only here and only forward; other classes tell this
 * one what happened (a refused body, a client gone, the application's thread) through methods.
 */
final class Transport implements ExchangeCompletionListener, dev.jgi.server.observe.ObservedRequest {

    /** Told once when the exchange is over, on the I/O thread. */
    interface Ended {
        void ended(Transport transport, Completion completion);
    }

    /** Where the response stands. */
    enum Phase {
        /** Nothing committed: the application, or the server on its behalf, may still answer. */
        OPEN,
        /** The head is committed; the body follows piece by piece. */
        STREAMING,
        /** The whole response is handed to the connection; nothing more may be written. */
        SENDING,
        /** The exchange is over, completed or aborted, and its completion was reported. */
        ENDED
    }

    final HttpServerExchange exchange;
    final XnioIoThread ioThread;
    final String requestId;
    /** The request target as received [JGI-REQ-4], for the access log. */
    final String rawTarget;

    final long startNanos;
    final boolean head;
    /** Run once when the exchange is over, on the thread the handler chooses [JGI-DONE-1]. */
    final CompletionHooks hooks;
    /** Whether the client left, and who is told [JGI-DISC-6]. */
    final ClientDeparture departure;
    /** Fired when the server begins to drain while this exchange is in flight [JGI-LIFE-9]. */
    final Signal drain;

    private final Ended ended;
    private final ErrorPages errors;
    private final Drain drains;

    private Phase phase = Phase.OPEN;
    /** The status committed, 0 until then. */
    private int committedStatus;

    private Throwable error;
    private XnioExecutor.Key deadline;
    private org.xnio.channels.StreamSinkChannel channel;
    /** Why the request body was refused, so that a failure before commit answers that [JGI-LIM-3] [JGI-BODY-9]. */
    private Admission.Refused bodyRefused;

    private BodyReader reader;
    private HostedApp app;
    private Request request;

    private volatile Thread appThread;

    private final ResponseTrailers trailers = new ResponseTrailers();

    Transport(
            HttpServerExchange exchange,
            String requestId,
            String rawTarget,
            long startNanos,
            Ended ended,
            ErrorPages errors,
            Drain drains) {
        this.exchange = exchange;
        this.ioThread = exchange.getIoThread();
        this.requestId = requestId;
        this.rawTarget = rawTarget;
        this.hooks = new CompletionHooks((message, failure) -> ServerLog.error(requestId, message, failure));
        this.departure = new ClientDeparture(this);
        this.drain = new Signal(
                "[JGI-LIFE-9] a drain callback", (message, failure) -> ServerLog.error(requestId, message, failure));
        this.drains = drains;
        drains.join(drain);
        this.startNanos = startNanos;
        this.head = exchange.getRequestMethod().equals(io.undertow.util.Methods.HEAD);
        this.ended = ended;
        this.errors = errors;
        exchange.addExchangeCompleteListener(this);
    }

    /** The request was admitted and entered {@code app}, which must be exited when this exchange ends. */
    void entered(HostedApp app) {
        this.app = app;
    }

    /** The app this exchange entered, if it was admitted. */
    Optional<HostedApp> app() {
        return Optional.ofNullable(app);
    }

    /** The request as the application sees it, once mapped. */
    void mapped(Request request) {
        this.request = request;
    }

    /** The request as the application sees it, if it was mapped. */
    Optional<Request> request() {
        return Optional.ofNullable(request);
    }

    /** The body is read by {@code reader}; how much it left unread decides whether the connection stays. */
    void reading(BodyReader reader) {
        this.reader = reader;
    }

    /** The request body broke a limit or its framing: a failure before commit answers {@code refused}. */
    void refuseBody(Admission.Refused refused) {
        bodyRefused = refused;
        exchange.setPersistent(false);
    }

    /** Whether the request body was refused. I/O thread. */
    boolean bodyRefused() {
        return bodyRefused != null;
    }

    /** The application runs on the calling thread, which a passed deadline interrupts. */
    void appCalled() {
        appThread = Thread.currentThread();
    }

    /** The application returned; its thread is no longer this exchange's. */
    void appReturned() {
        appThread = null;
    }

    /** Runs {@code task} on the I/O thread: now if this is it, else queued. Any thread. */
    void execute(Runnable task) {
        if (Thread.currentThread() == ioThread) {
            task.run();
        } else {
            ioThread.execute(task);
        }
    }

    /** Where the response stands. I/O thread. */
    Phase phase() {
        return phase;
    }

    /** Whether the application may still answer: not timed out, aborted or finished. */
    boolean isOpen() {
        return phase == Phase.OPEN || phase == Phase.STREAMING;
    }

    /** Whether a status was committed, even if the exchange ended since. */
    boolean isCommitted() {
        return committedStatus != 0;
    }

    /**
     * Sends the status and the fields of a checked head as the kernel's {@code ResponseHead.sendable}
     * makes them; the body follows. {@code contentLength} is -1 when unknown. An application's
     * {@code connection: close} ends an HTTP/1.x connection after the response, and Undertow then
     * sends the field itself to an HTTP/1.1 client [JGI-FRAME-11]. Only while {@link Phase#OPEN};
     * callers check.
     */
    void commit(int status, Headers checked, long contentLength) {
        phase = Phase.STREAMING;
        committedStatus = status;
        String version = exchange.getProtocol().toString();
        boolean http1 = !exchange.getProtocol().equals(io.undertow.util.Protocols.HTTP_2_0);
        if ((reader != null && reader.leavesMuchUnread()) || (http1 && ResponseHead.asksToClose(checked))) {
            exchange.setPersistent(false);
        }
        Headers headers = ResponseHead.sendable(version, status, checked);
        String method = exchange.getRequestMethod().toString();
        boolean chunks =
                trailers.travel(exchange, version, method, status) && TrailerFraming.chunks(version, method, status);
        if (chunks) {
            headers = headers.without("content-length");
        }
        exchange.setStatusCode(status);
        HeaderMap target = exchange.getResponseHeaders();
        headers.forEach((name, value) -> target.add(HttpString.tryFromString(name), value));
        if (headers.contains("content-length") || status == 204 || status == 304) {
            return;
        }
        if (contentLength >= 0 && !chunks) {
            exchange.setResponseContentLength(contentLength);
        } else if (exchange.getProtocol().equals(io.undertow.util.Protocols.HTTP_1_1)) {
            // Undertow would close-delimit when the client asked to close; JGI wants chunked [JGI-FRAME-3].
            target.put(io.undertow.util.Headers.TRANSFER_ENCODING, io.undertow.util.Headers.CHUNKED.toString());
        }
    }

    /** A HEAD answer for a body of unknown length: the head a GET would get, no body [JGI-FRAME-10]. */
    void respondHead(int status, Headers headers) {
        if (phase != Phase.OPEN) {
            return;
        }
        commit(status, headers, -1);
        phase = Phase.SENDING;
        exchange.endExchange();
    }

    /** A whole response at once: status, fields and a body of known length (null for none). */
    void respond(int status, Headers headers, ByteBuffer body) {
        if (phase != Phase.OPEN) {
            return;
        }
        int length = body == null ? 0 : body.remaining();
        commit(status, headers, length);
        phase = Phase.SENDING;
        if (length == 0 || head || status == 204 || status == 304) {
            exchange.endExchange();
        } else {
            BufferSend.start(body, channel(), exchange::endExchange, this::abort, false);
        }
    }

    /** A file region as the whole body, its length known; the file is closed when done. */
    void respondFile(int status, Headers headers, java.nio.channels.FileChannel file, long offset, long length) {
        if (phase != Phase.OPEN) {
            IoUtils.safeClose(file);
            return;
        }
        commit(status, headers, length);
        phase = Phase.SENDING;
        if (length == 0 || head || status == 204 || status == 304) {
            IoUtils.safeClose(file);
            exchange.endExchange();
        } else {
            TcpCork.forThisJvm().forFileRegion(exchange, length);
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
        if (phase != Phase.STREAMING) {
            failed.accept(new ClientDisconnectedException("[JGI-DISC-1] the exchange is over"));
            return;
        }
        if (last) {
            phase = Phase.SENDING;
        }
        if (!data.hasRemaining() || head) {
            if (last && !awaitsTrailers()) {
                exchange.endExchange();
            }
            accepted.run();
            return;
        }
        BufferSend.start(data, channel(), () -> pieceSent(last, accepted), failure -> {
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
        if (phase != Phase.STREAMING) {
            IoUtils.safeClose(file);
            failed.accept(new ClientDisconnectedException("[JGI-DISC-1] the exchange is over"));
            return;
        }
        if (last) {
            phase = Phase.SENDING;
        }
        FileSend.start(file, channel(), offset, head ? 0 : length, () -> pieceSent(last, accepted), failure -> {
            abort(failure);
            failed.accept(failure);
        });
    }

    private void pieceSent(boolean last, Runnable accepted) {
        if (last && !awaitsTrailers()) {
            exchange.endExchange();
        }
        accepted.run();
    }

    /** The application will give trailers [JGI-EXT-7]; before commit. I/O thread. */
    void announceTrailers() {
        trailers.announce();
    }

    /** Whether the committed response still waits for its trailers before it ends. */
    boolean awaitsTrailers() {
        return trailers.awaited();
    }

    /**
     * Takes the response's trailers, sent as the body ends if they travel [JGI-EXT-8]; false when
     * over {@link TrailerFraming#MAX_TRAILER_BYTES}, which fails the exchange. I/O thread.
     */
    boolean trailers(Headers given) {
        if (trailers.take(given)) {
            return true;
        }
        fail("[JGI-ERR-2] the trailer fields are larger than " + TrailerFraming.MAX_TRAILER_BYTES + " bytes", null);
        return false;
    }

    /** The async application's trailers after its last body piece: they end the exchange. I/O thread. */
    void endWithTrailers(Headers given) {
        boolean awaited = awaitsTrailers();
        if (trailers(given) && awaited && phase == Phase.SENDING) {
            exchange.endExchange();
        }
    }

    /**
     * The application failed: 500 (or the refused body's status) if nothing was committed, else an
     * abort the client can see [JGI-ERR-1] [JGI-ERR-2]. Logged with the request id [JGI-ERR-3].
     */
    void fail(String clause, Throwable failure) {
        if (phase == Phase.ENDED) {
            return;
        }
        ClientDisconnectedException left = ClientDeparture.behind(failure);
        if (left != null) {
            // Nobody is there to read a 500, and a client that left is no server fault: one line,
            // without the stack trace of the application's rethrow.
            ServerLog.info(requestId, "the client left before the response was sent: " + left.getMessage());
            abort(left);
            return;
        }
        if (failure != null) {
            ServerLog.error(requestId, clause, failure);
        } else {
            ServerLog.warn(requestId, clause);
        }
        if (phase == Phase.OPEN) {
            // A complete error response is no abort: the completion carries no error [JGI-DONE-3].
            if (bodyRefused != null) {
                refuse(bodyRefused);
            } else {
                exchange.setPersistent(false);
                errors.send(this, 500, "Internal Server Error", failure);
            }
        } else {
            abort(failure == null ? new IllegalStateException(clause) : failure);
        }
    }

    /** Answers with an error status on the server's own behalf: a limit, a malformed request. */
    void refuse(Admission.Refused refused) {
        if (phase != Phase.OPEN) {
            return;
        }
        if (refused.closesConnection()) {
            exchange.setPersistent(false);
        }
        errors.send(this, refused.status(), refused.message(), null);
    }

    /** Ends the exchange so the client can tell it is incomplete: the connection is closed. */
    void abort(Throwable cause) {
        if (phase == Phase.ENDED) {
            return;
        }
        if (error == null) {
            error = cause;
        }
        if (cause instanceof ClientDisconnectedException) {
            departure.clientLeft();
        }
        IoUtils.safeClose(exchange.getConnection());
        complete();
    }

    /** After {@code timeout}, a request not yet committed gets 503 and its thread an interrupt. */
    void armDeadline(Duration timeout) {
        deadline = ioThread.executeAfter(
                () -> {
                    if (phase == Phase.OPEN) {
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
        if (phase == Phase.ENDED) {
            return;
        }
        if (error == null && (departure.isDisconnected() || phase == Phase.STREAMING)) {
            // Undertow ended the exchange as the connection closed mid-body, before a failure reached abort.
            error = new ClientDisconnectedException("[JGI-DONE-3] the connection closed before the response ended");
        }
        departure.exchangeEnding(error);
        phase = Phase.ENDED;
        departure.exchangeEnded();
        drains.leave(drain);
        if (deadline != null) {
            deadline.remove();
        }
        int status = isCommitted() || exchange.isResponseStarted() ? exchange.getStatusCode() : 0;
        Completion completion = new Completion(
                status,
                exchange.getResponseBytesSent(),
                Optional.ofNullable(error),
                Duration.ofNanos(System.nanoTime() - startNanos));
        ended.ended(this, completion);
    }
}
