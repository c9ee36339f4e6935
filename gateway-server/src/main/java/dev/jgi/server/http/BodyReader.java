package dev.jgi.server.http;

import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import io.undertow.server.protocol.http.HttpAttachments;
import io.undertow.server.protocol.http.HttpContinue;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads the request body on the I/O thread, one piece per demand, so that no more than one piece
 * is read ahead of the application [JGI-BODY-6] [JGI-STREAM-5]. Sends {@code 100 Continue} on the
 * first demand only [JGI-BODY-4] and counts bytes against the body limit [JGI-LIM-3].
 */
final class BodyReader {

    /** Where pieces go; called on the I/O thread. */
    interface Sink {
        /**
         * Takes one piece of the body.
         *
         * @param last whether the body ends with this piece (known only under a content-length)
         */
        void piece(ByteBuffer data, boolean last);

        void end();

        void failed(IOException failure);
    }

    static final int PIECE = 16 * 1024;
    /** An unread rest up to this size is discarded to keep the connection; a larger one closes it [JGI-BODY-5]. */
    static final long DRAIN_LIMIT = 64 * 1024;

    private static final Admission.Refused TOO_LARGE =
            new Admission.Refused(413, "[JGI-LIM-3] the request body is too large");
    private static final Admission.Refused MALFORMED =
            new Admission.Refused(400, "[JGI-BODY-9] the chunked body is malformed");

    /** How long the client may send slowly before the minimum body rate applies. */
    static final long RATE_GRACE_NANOS = 10_000_000_000L;

    private final Transport transport;
    private final BodyTimeouts timeouts;
    /** When the current wait for the client's bytes began, or 0 while not waiting. */
    private long waitingSince;
    /** Time spent waiting for the client's bytes so far, in nanoseconds. */
    private long waited;

    private org.xnio.XnioExecutor.Key stallTimer;
    private final HeadScanner scanner;
    private final long limit;
    private final long declared;
    private StreamSourceChannel channel;
    private Sink waiting;
    private long received;
    private boolean done;
    /** The request's trailer fields, once the body ended [JGI-BODY-14]. */
    private volatile Headers trailers = Headers.of();

    /** The request's trailers: empty until the body ended, and for a body without any. Any thread. */
    Headers trailers() {
        return trailers;
    }

    /**
     * Takes the trailers Undertow parsed as the body ended (a chunked body's trailer section, an
     * HTTP/2 HEADERS frame after the data), already bounded by the head scanner [JGI-LIM-2].
     */
    private void keepTrailers() {
        trailers = TrailerFields.of(transport.exchange.getAttachment(HttpAttachments.REQUEST_TRAILERS));
    }

    /** Body bytes read so far; for metrics, read from any thread. */
    long received() {
        return received;
    }

    /**
     * @param scanner  the connection's raw-head scanner, which also sees malformed chunk framing; null
     *                 when the connection has none
     * @param limit    the body limit, 0 for none
     * @param declared the content-length, or -1 for a chunked body
     */
    BodyReader(Transport transport, HeadScanner scanner, long limit, long declared, BodyTimeouts timeouts) {
        this.transport = transport;
        this.timeouts = timeouts;
        this.scanner = scanner;
        this.limit = limit;
        this.declared = declared;
    }

    /** Whether more than a small remainder of the body is still unread: then the connection closes after the response. */
    boolean leavesMuchUnread() {
        return !done && (declared < 0 || declared - received > DRAIN_LIMIT);
    }

    /** Delivers the next piece (or the end, or a failure) to {@code sink}. I/O thread only. */
    void demand(Sink sink) {
        if (done) {
            sink.end();
            return;
        }
        waiting = sink;
        if (channel == null) {
            if (HttpContinue.requiresContinueResponse(transport.exchange)) {
                HttpContinue.sendContinueResponse(transport.exchange, new io.undertow.io.IoCallback() {
                    @Override
                    public void onComplete(io.undertow.server.HttpServerExchange ex, io.undertow.io.Sender sender) {
                        open();
                    }

                    @Override
                    public void onException(
                            io.undertow.server.HttpServerExchange ex, io.undertow.io.Sender sender, IOException e) {
                        fail(new ClientDisconnectedException("[JGI-BODY-8] the client went away", e));
                    }
                });
                return;
            }
            open();
            return;
        }
        read();
    }

    private void open() {
        channel = transport.exchange.getRequestChannel();
        if (channel == null) {
            fail(new IOException("the request body was already consumed"));
            return;
        }
        channel.getReadSetter().set(c -> {
            c.suspendReads();
            read();
        });
        if (scanner != null) {
            // Called inside a channel read: the check runs after it, as a task of its own.
            scanner.onBadBody(() -> transport.ioThread.execute(this::read));
        }
        read();
    }

    private void read() {
        Sink sink = waiting;
        if (sink == null) {
            return;
        }
        if (scanner != null && scanner.badBody()) {
            Admission.Refused answer = scanner.badBodyAnswer();
            transport.refuseBody(answer);
            fail(new IOException(answer.reason()));
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(PIECE);
        int n;
        try {
            n = channel.read(buffer);
        } catch (IOException e) {
            if (declared < 0 && transport.exchange.getConnection().isOpen()) {
                transport.refuseBody(MALFORMED);
                fail(new IOException("[JGI-BODY-9] the chunked body is malformed", e));
            } else {
                fail(new ClientDisconnectedException("[JGI-BODY-8] the client went away before the body ended", e));
            }
            return;
        }
        if (n == 0) {
            startWaiting();
            channel.resumeReads();
            return;
        }
        stopWaiting();
        if (n > 0) {
            received += n;
            if (tooSlow()) {
                // While the sink is still held: the refusal reaches the application through it, which
                // a blocked sync reader needs to return at all.
                timeOut("[JGI-LIM-4] the request body came slower than " + timeouts.minRate() + " bytes a second");
                return;
            }
        }
        waiting = null;
        if (n < 0) {
            done = true;
            if (declared >= 0 && received < declared) {
                transport.departure.clientLeft();
                sink.failed(new ClientDisconnectedException("[JGI-BODY-8] the client went away before the body ended"));
            } else {
                keepTrailers();
                sink.end();
                transport.departure.bodyEnded();
            }
            return;
        }
        if (limit > 0 && received > limit) {
            done = true;
            transport.refuseBody(TOO_LARGE);
            sink.failed(new BodyTooLargeException(
                    "[JGI-LIM-3] the request body is larger than " + limit + " bytes", limit));
            return;
        }
        buffer.flip();
        boolean last = declared >= 0 && received == declared;
        done = last;
        if (last) {
            finish();
        }
        sink.piece(buffer, last);
        if (last) {
            transport.departure.bodyEnded();
        }
    }

    /**
     * Lets Undertow see the body's end, which it marks only when a read returns -1: the request then
     * counts as complete, and a {@link DisconnectWatch} may read the connection. The read touches no
     * socket once the content-length is used up.
     */
    private void finish() {
        try {
            channel.read(ByteBuffer.allocate(0));
            keepTrailers();
        } catch (IOException ignored) {
            // The body is whole; what follows it is the connection's business, not this request's.
        }
    }

    private void startWaiting() {
        if (waitingSince == 0) {
            waitingSince = System.nanoTime();
        }
        if (stallTimer == null && !timeouts.read().isZero()) {
            stallTimer = transport.ioThread.executeAfter(
                    this::checkStall, timeouts.read().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void stopWaiting() {
        if (waitingSince != 0) {
            waited += System.nanoTime() - waitingSince;
            waitingSince = 0;
        }
        if (stallTimer != null) {
            stallTimer.remove();
            stallTimer = null;
        }
    }

    /** The client sent nothing for the body read timeout, or too little since it began: 408 [JGI-LIM-4]. */
    private void checkStall() {
        stallTimer = null;
        if (done || waiting == null || waitingSince == 0) {
            return;
        }
        long stalled = System.nanoTime() - waitingSince;
        if (stalled >= timeouts.read().toNanos()) {
            timeOut("[JGI-LIM-4] no request body bytes for " + timeouts.read().toMillis() + " ms");
        } else if (tooSlow()) {
            timeOut("[JGI-LIM-4] the request body came slower than " + timeouts.minRate() + " bytes a second");
        } else {
            stallTimer = transport.ioThread.executeAfter(
                    this::checkStall,
                    Math.max(1, (timeouts.read().toNanos() - stalled) / 1_000_000),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the client, after the grace time, sends fewer bytes a second than the minimum rate while the server waits. */
    private boolean tooSlow() {
        long total = waited + (waitingSince == 0 ? 0 : System.nanoTime() - waitingSince);
        return timeouts.minRate() > 0 && total > RATE_GRACE_NANOS && received * 1e9 / total < timeouts.minRate();
    }

    private void timeOut(String reason) {
        stopWaiting();
        if (channel != null) {
            channel.suspendReads();
        }
        transport.refuseBody(new Admission.Refused(408, reason));
        fail(new IOException(reason));
    }

    private void fail(IOException failure) {
        done = true;
        if (failure instanceof ClientDisconnectedException) {
            transport.departure.clientLeft();
        }
        Sink sink = waiting;
        waiting = null;
        if (sink != null) {
            sink.failed(failure);
        }
    }
}
