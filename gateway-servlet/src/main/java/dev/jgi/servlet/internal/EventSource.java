package dev.jgi.servlet.internal;

import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The receive side of an async exchange over Servlet non-blocking input. Bytes are read only for a
 * pending receive [JGI-STREAM-5]; when the container has none ready, the container's
 * {@code onDataAvailable} resumes the read. Container calls are made outside the monitor, which
 * guards state only, so a container thread and the application's never wait on each other.
 */
final class EventSource implements ReadListener {

    private static final int CHUNK = 16 * 1024;

    /** Told when the body failed so that the exchange answers for it: 413 [JGI-LIM-3], 400 [JGI-BODY-9]. */
    interface Refusal {
        void refuse(int status, IOException reason);
    }

    /** A read failure the exchange answers with a status. */
    private record Refused(int status, IOException reason) {}

    private final HttpServletRequest request;
    private final boolean firstReadBlocks;
    /** The body is framed by content-length, so a read that fails early means the client left. */
    private final boolean sized;

    private volatile ServletInputStream in;
    private final long limit;
    private final Refusal refusal;
    private CompletableFuture<Event> pending;
    private boolean pumping;
    private boolean again;
    private boolean bodyEnded;
    private boolean closed;
    private boolean listening;
    private long count;

    EventSource(HttpServletRequest request, long limit, Refusal refusal) {
        this.request = request;
        this.firstReadBlocks = "100-continue".equalsIgnoreCase(request.getHeader("expect"))
                || request.getHeader("transfer-encoding") != null;
        this.sized = request.getHeader("transfer-encoding") == null && request.getContentLengthLong() >= 0;
        this.limit = limit;
        this.refusal = refusal;
    }

    CompletionStage<Event> receive() {
        CompletableFuture<Event> next = new CompletableFuture<>();
        boolean first;
        synchronized (this) {
            if (pending != null) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("[JGI-STREAM-4] a receive is already pending"));
            }
            pending = next;
            first = !listening;
            listening = true;
        }
        if (first && !closed()) {
            try {
                in = request.getInputStream();
            } catch (IOException | IllegalStateException e) {
                close();
                return next;
            }
            if (firstReadBlocks) {
                // Tomcat sends 100 Continue only from a read that blocks, never from isReady(), and
                // answers a malformed first chunk with 400 only after a blocking read; so that read
                // blocks, on a virtual thread of its own [JGI-BODY-4] [JGI-BODY-9] [JGI-ASYNC-6].
                synchronized (this) {
                    pumping = true;
                }
                Thread.ofVirtual().name("jgi-continue-read").start(this::firstReadBlocking);
                return next;
            }
            in.setReadListener(this);
        }
        pump();
        return next;
    }

    private void firstReadBlocking() {
        Object outcome = readOnce(true);
        try {
            in.setReadListener(this);
        } catch (IllegalStateException alreadyEnded) {
            // The request ended while the first read blocked; nothing more will come.
        }
        CompletableFuture<Event> waiting;
        synchronized (this) {
            pumping = false;
            waiting = pending;
            pending = null;
        }
        deliver(waiting, outcome);
    }

    private synchronized boolean closed() {
        return closed;
    }

    /** No more events will come from the client: the response ended or the client went away. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        pump();
    }

    @Override
    public void onDataAvailable() {
        pump();
    }

    @Override
    public void onAllDataRead() {
        pump();
    }

    @Override
    public void onError(Throwable failure) {
        close();
    }

    private void pump() {
        while (true) {
            CompletableFuture<Event> waiting = null;
            synchronized (this) {
                if (pumping || (!listening && !closed)) {
                    again = pumping;
                    return;
                }
                if (pending == null) {
                    return;
                }
                if (bodyEnded || closed) {
                    // [JGI-DISC-3] after the body, and [JGI-BODY-8] when it was cut short.
                    if (!closed) {
                        return;
                    }
                    waiting = pending;
                    pending = null;
                }
                if (waiting == null) {
                    pumping = true;
                    again = false;
                }
            }
            if (waiting != null) {
                waiting.complete(new Event.Disconnect());
                return;
            }
            Object outcome = readOnce(false);
            synchronized (this) {
                pumping = false;
                if (outcome == null) {
                    if (again) {
                        continue;
                    }
                    return;
                }
                waiting = pending;
                pending = null;
            }
            deliver(waiting, outcome);
            return;
        }
    }

    private void deliver(CompletableFuture<Event> waiting, Object outcome) {
        switch (outcome) {
            case Event event -> waiting.complete(event);
            // The exchange answers first, so that the receiver's reaction cannot take its place.
            case Refused refused
            when refused.reason() instanceof ClientDisconnectedException -> {
                refusal.refuse(refused.status(), refused.reason());
                waiting.complete(new Event.Disconnect());
            }
            case Refused refused -> {
                refusal.refuse(refused.status(), refused.reason());
                waiting.completeExceptionally(refused.reason());
            }
            case Throwable failure -> waiting.completeExceptionally(failure);
            default -> throw new IllegalStateException("unknown read outcome " + outcome);
        }
    }

    /** An event, a refusal, a failure for the receiver, or null when the container has nothing yet. */
    private Object readOnce(boolean blocking) {
        try {
            byte[] buffer = new byte[CHUNK];
            while (true) {
                if (in.isFinished()) {
                    return ended(new Event.RequestBody(ByteBuffer.allocate(0), true));
                }
                if (!blocking && !in.isReady()) {
                    return null;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    return ended(new Event.RequestBody(ByteBuffer.allocate(0), true));
                }
                if (n > 0) {
                    if ((count += n) > limit) {
                        synchronized (this) {
                            closed = true;
                        }
                        return new Refused(
                                413,
                                new BodyTooLargeException(
                                        "[JGI-LIM-3] the request body exceeds the limit of " + limit + " bytes",
                                        limit));
                    }
                    boolean last = in.isFinished();
                    Event.RequestBody piece = new Event.RequestBody(ByteBuffer.wrap(Arrays.copyOf(buffer, n)), last);
                    return last ? ended(piece) : piece;
                }
            }
        } catch (IOException | RuntimeException gone) {
            synchronized (this) {
                closed = true;
            }
            if (ReadFailures.malformed(gone)) {
                // The container answers 400 itself through its error dispatch (see AsyncCall#onError).
                return new IOException("[JGI-BODY-9] the request body is malformed: " + gone.getMessage(), gone);
            }
            if (sized) {
                // A content-length body has no chunk to get wrong: the client left, and the answer
                // to it, if any, is the application's [JGI-BODY-8].
                return new Event.Disconnect();
            }
            // Jetty reports a malformed chunk as an early EOF, like a client that left: either way
            // the receiver sees the end, and the bridge answers 400 if nothing was committed.
            return new Refused(400, new ClientDisconnectedException("[JGI-BODY-8] the request body ended early", gone));
        }
    }

    private synchronized Event ended(Event last) {
        bodyEnded = true;
        return last;
    }
}
