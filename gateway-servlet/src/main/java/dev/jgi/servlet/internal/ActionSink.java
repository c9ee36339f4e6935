package dev.jgi.servlet.internal;

import dev.jgi.api.Action;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The send side of an async exchange over Servlet non-blocking output. A body action's stage
 * completes when {@code isReady()} says the container took its bytes, or when the container's
 * {@code onWritePossible} says so later [JGI-STREAM-2]; each piece is flushed [JGI-STREAM-6].
 */
final class ActionSink implements WriteListener {

    private static final System.Logger LOG = System.getLogger("dev.jgi.servlet");

    private enum Phase {
        NEW,
        STARTED,
        BODY_ENDED,
        ENDED
    }

    /** A body piece waiting for the container: to be written, or written and awaiting its flush. */
    private record Deferred(ByteBuffer data, boolean finish, CompletableFuture<Void> done, boolean written) {}

    private final HttpServletResponse response;
    private final Request head;
    private final boolean namesCoding;
    private final boolean headRequest;
    private final Consumer<Throwable> ended;
    private ServletOutputStream out;
    private Phase phase = Phase.NEW;
    private boolean noBody;
    private boolean trailersAnnounced;
    private volatile Headers trailers = Headers.of();
    private long declaredLength = -1;
    private long bytes;
    private boolean writable;
    private Deferred waiting;
    private boolean endClaimed;
    private boolean gone;

    /** @param ended told once when the response ended: null when sent, the cause when the client left */
    ActionSink(HttpServletResponse response, Request head, boolean namesCoding, Consumer<Throwable> ended) {
        this.response = response;
        this.head = head;
        this.namesCoding = namesCoding;
        this.headRequest = head.method().equals("HEAD");
        this.ended = ended;
    }

    CompletionStage<Void> send(Action action) {
        synchronized (this) {
            if (waiting != null) {
                return refuse("[JGI-STREAM-3] a send is already pending");
            }
            if (gone) {
                return CompletableFuture.failedFuture(
                        new ClientDisconnectedException("[JGI-DISC-4] the client went away"));
            }
            if (endClaimed) {
                return refuse("[JGI-ASYNC-4] the response has ended");
            }
        }
        return switch (action) {
            case Action.ResponseStart start -> start(start);
            case Action.ResponseBody body -> body(body.data(), !body.more());
            case Action.ResponseTrailers fields -> trailers(fields.trailers());
            case Action.ResponseFile file ->
                refuse("[JGI-CAP-5] FILE_SENDING is not declared; send ResponseBody pieces");
            case Action.EarlyHints hints ->
                refuse("[JGI-CAP-5] EARLY_HINTS is not declared: Servlet 6.1 cannot send 103");
            case Action.WebSocketAccept a -> refuse("[JGI-ASYNC-5] WebSocketAccept on an HTTP exchange");
            case Action.WebSocketDeny a -> refuse("[JGI-ASYNC-5] WebSocketDeny on an HTTP exchange");
            case Action.WebSocketSendText a -> refuse("[JGI-ASYNC-5] WebSocketSendText on an HTTP exchange");
            case Action.WebSocketSendBinary a -> refuse("[JGI-ASYNC-5] WebSocketSendBinary on an HTTP exchange");
            case Action.WebSocketClose a -> refuse("[JGI-ASYNC-5] WebSocketClose on an HTTP exchange");
        };
    }

    private synchronized CompletionStage<Void> start(Action.ResponseStart start) {
        if (phase != Phase.NEW) {
            return refuse("[JGI-ASYNC-3] the response was already started");
        }
        OptionalLong declared;
        try {
            declared = ResponseHeads.check(start.status(), start.headers());
        } catch (ResponseHeads.InvalidResponse invalid) {
            LOG.log(System.Logger.Level.ERROR, invalid.getMessage());
            return refuse(invalid.getMessage());
        }
        noBody = headRequest || start.status() == 204 || start.status() == 304;
        ResponseHeads.apply(start.status(), start.headers(), response);
        trailersAnnounced = start.trailers();
        boolean trailersSent = trailersAnnounced && !noBody && Trailers.offer(response, () -> trailers);
        declaredLength = declared.orElse(-1);
        if (declaredLength >= 0 && !trailersSent && start.status() != 204 && start.status() != 304) {
            response.setContentLengthLong(declaredLength);
        } else if (!noBody) {
            Framing.chunkedToHttp11(head, response, namesCoding);
        }
        phase = Phase.STARTED;
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> body(ByteBuffer data, boolean last) {
        boolean finish;
        synchronized (this) {
            if (phase == Phase.NEW) {
                return refuse("[JGI-ASYNC-3] a body action before ResponseStart");
            }
            if (phase != Phase.STARTED) {
                return refuse("[JGI-ASYNC-4] a body action after the body ended");
            }
            long total = bytes + data.remaining();
            if (declaredLength >= 0 && (total > declaredLength || last && total != declaredLength)) {
                return CompletableFuture.failedFuture(
                        new IOException("[JGI-FRAME-6] the body does not match its content-length " + declaredLength));
            }
            if (!noBody) {
                bytes = total;
            }
            if (last) {
                phase = trailersAnnounced ? Phase.BODY_ENDED : Phase.ENDED;
            }
            finish = last && !trailersAnnounced;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (noBody) {
            complete(done, finish);
        } else {
            write(new Deferred(data, finish, done, false));
        }
        return done;
    }

    private CompletionStage<Void> trailers(Headers fields) {
        synchronized (this) {
            if (phase != Phase.BODY_ENDED) {
                return refuse("[JGI-EXT-1] trailers need ResponseStart.trailers and must follow the last body piece");
            }
            trailers = fields;
            phase = Phase.ENDED;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        complete(done, true);
        return done;
    }

    private void write(Deferred piece) {
        try {
            if (!ready(piece)) {
                return;
            }
            if (piece.data().hasRemaining()) {
                stream().write(piece.data());
            }
            if (!piece.finish() && stream().isReady()) {
                stream().flush();
            }
            synchronized (this) {
                writable = false;
            }
            if (stream().isReady() || waitFor(piece)) {
                complete(piece.done(), piece.finish());
            }
        } catch (IOException | IllegalStateException failure) {
            clientGone(
                    new ClientDisconnectedException("[JGI-DISC-4] the write failed: " + failure.getMessage(), failure));
            piece.done()
                    .completeExceptionally(
                            new ClientDisconnectedException("[JGI-DISC-4] the client went away", failure));
        }
    }

    /**
     * Whether the container is writable now; if not, the piece waits for {@code onWritePossible}.
     * A stage completes only once the container was writable, so this wait is rare.
     */
    private boolean ready(Deferred piece) throws IOException {
        synchronized (this) {
            writable = false;
        }
        if (stream().isReady()) {
            return true;
        }
        synchronized (this) {
            if (writable) {
                writable = false;
                return true;
            }
            waiting = piece;
            return false;
        }
    }

    /** @return true when the container became writable meanwhile; otherwise the piece now waits */
    private synchronized boolean waitFor(Deferred piece) {
        if (writable) {
            writable = false;
            return true;
        }
        waiting = new Deferred(piece.data(), piece.finish(), piece.done(), true);
        return false;
    }

    @Override
    public void onWritePossible() {
        Deferred piece;
        synchronized (this) {
            piece = waiting;
            waiting = null;
            if (piece == null) {
                writable = true;
                return;
            }
        }
        if (piece.written()) {
            complete(piece.done(), piece.finish());
        } else {
            write(piece);
        }
    }

    @Override
    public void onError(Throwable failure) {
        clientGone(new ClientDisconnectedException("[JGI-DISC-4] the client went away", failure));
    }

    private void complete(CompletableFuture<Void> done, boolean finish) {
        if (finish && claimEnd()) {
            ended.accept(null);
        }
        done.complete(null);
    }

    void clientGone(ClientDisconnectedException cause) {
        Deferred piece;
        synchronized (this) {
            if (gone) {
                return;
            }
            gone = true;
            piece = waiting;
            waiting = null;
        }
        if (piece != null) {
            piece.done().completeExceptionally(cause);
        }
        if (claimEnd()) {
            ended.accept(cause);
        }
    }

    /** Claims the end of the response; true for exactly one caller. */
    synchronized boolean claimEnd() {
        if (endClaimed) {
            return false;
        }
        endClaimed = true;
        phase = Phase.ENDED;
        return true;
    }

    synchronized boolean finished() {
        return endClaimed;
    }

    synchronized boolean gone() {
        return gone;
    }

    synchronized long bytesSent() {
        return bytes;
    }

    private ServletOutputStream stream() throws IOException {
        if (out == null) {
            out = response.getOutputStream();
        }
        return out;
    }

    private static CompletionStage<Void> refuse(String clauseAndReason) {
        return CompletableFuture.failedFuture(new IllegalStateException(clauseAndReason));
    }
}
