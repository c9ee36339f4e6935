package dev.jgi.servlet.internal;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.kernel.order.Breach;
import dev.jgi.kernel.order.HttpActionOrder;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.ResponseBreach;
import dev.jgi.kernel.response.ResponseHead;
import dev.jgi.kernel.response.TrailerFraming;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The send side of an async exchange over Servlet non-blocking output. The kernel's
 * {@link HttpActionOrder} decides which action may come [JGI-ASYNC-5]. A body action's stage
 * completes when {@code isReady()} says the container took its bytes, or when the container's
 * {@code onWritePossible} says so later [JGI-STREAM-2]; each piece is flushed [JGI-STREAM-6].
 */
final class ActionSink implements WriteListener {

    private static final System.Logger LOG = System.getLogger("dev.jgi.servlet");
    private static final int FILE_PIECE = 64 * 1024;

    /** A body piece waiting for the container: to be written, or written and awaiting its flush. */
    private record Deferred(ByteBuffer data, boolean finish, CompletableFuture<Void> done, boolean written) {}

    private final HttpServletResponse response;
    private final Request head;
    private final boolean namesCoding;
    private final Consumer<Throwable> ended;
    private final Consumer<Throwable> broken;
    private final HttpActionOrder order;
    private ServletOutputStream out;
    private boolean noBody;
    private volatile Headers trailers = Headers.of();
    private BodyLength length;
    private long bytes;
    private boolean writable;
    private Deferred waiting;
    private boolean endClaimed;
    private boolean gone;

    /**
     * @param declared the capabilities the bridge declared [JGI-CAP-1]
     * @param ended    told once when the response ended: null when sent, the cause when the client left
     * @param broken   told when the application broke its response: an invalid head [JGI-ERR-4] or a
     *                 body that does not match its content-length [JGI-FRAME-6]; the exchange fails
     */
    ActionSink(
            HttpServletResponse response,
            Request head,
            Set<Capability> declared,
            boolean namesCoding,
            Consumer<Throwable> ended,
            Consumer<Throwable> broken) {
        this.response = response;
        this.order = new HttpActionOrder(declared);
        this.head = head;
        this.namesCoding = namesCoding;
        this.ended = ended;
        this.broken = broken;
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
            Optional<Breach> breach = order.breach(action);
            if (breach.isPresent()) {
                return CompletableFuture.failedFuture(breach.get().exception());
            }
        }
        return switch (action) {
            case Action.ResponseStart start -> start(start);
            case Action.ResponseBody body -> body(body);
            case Action.ResponseFile file -> file(file);
            case Action.ResponseTrailers fields -> trailers(fields);
            default ->
                throw new IllegalStateException("the order lets only what the bridge declares through: " + action);
        };
    }

    private CompletionStage<Void> start(Action.ResponseStart start) {
        OptionalLong declared;
        try {
            declared = ResponseHead.check(start.status(), start.headers());
        } catch (InvalidResponseException invalid) {
            LOG.log(System.Logger.Level.ERROR, invalid.getMessage());
            broken.accept(invalid);
            return refuse(invalid.getMessage());
        }
        return started(start, declared);
    }

    private synchronized CompletionStage<Void> started(Action.ResponseStart start, OptionalLong declared) {
        Optional<Breach> late = order.check(start);
        if (late.isPresent()) {
            return CompletableFuture.failedFuture(late.get().exception());
        }
        noBody = ResponseHead.bodiless(head.method(), start.status());
        length = new BodyLength(head.method(), start.status(), declared);
        ResponseHeads.apply(head, start.status(), start.headers(), response);
        boolean trailersSent = start.trailers()
                && TrailerFraming.travel(head.version(), head.method(), start.status())
                && Trailers.offer(response, () -> trailers);
        if (declared.isPresent() && !trailersSent && start.status() != 204 && start.status() != 304) {
            response.setContentLengthLong(declared.getAsLong());
        } else if (!noBody) {
            Framing.chunkedToHttp11(head, response, namesCoding);
        }
        return CompletableFuture.completedFuture(null);
    }

    private CompletionStage<Void> body(Action.ResponseBody piece) {
        ByteBuffer data = piece.data();
        boolean finish;
        Optional<ResponseBreach> mismatch;
        synchronized (this) {
            Optional<Breach> late = order.breach(piece);
            if (late.isPresent()) {
                return CompletableFuture.failedFuture(late.get().exception());
            }
            mismatch = length.add(data.remaining());
            if (mismatch.isEmpty() && !piece.more()) {
                mismatch = length.end();
            }
            if (mismatch.isEmpty()) {
                if (!noBody) {
                    bytes += data.remaining();
                }
                order.check(piece);
            }
            finish = order.ended();
        }
        if (mismatch.isPresent()) {
            IOException failure = new IOException(mismatch.get().message());
            broken.accept(failure);
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (noBody) {
            complete(done, finish);
        } else {
            write(new Deferred(data, finish, done, false));
        }
        return done;
    }

    /**
     * A file region, sent as body pieces of at most {@link #FILE_PIECE} bytes, each waiting for the
     * previous one: Servlet output has no zero-copy path, and the bridge does not declare
     * {@code FILE_SENDING} [JGI-BODYOUT-7]. A file shorter than its region, or one that cannot be
     * read, breaks the response [JGI-BODYOUT-5].
     */
    private CompletionStage<Void> file(Action.ResponseFile file) {
        FileChannel channel;
        long end;
        try {
            channel = FileChannel.open(file.path());
            end = file.offset() + file.length().orElse(Math.max(0, channel.size() - file.offset()));
        } catch (IOException failure) {
            return unreadable(failure);
        }
        CompletionStage<Void> sent = filePieces(channel, file.offset(), end, file.more());
        return sent.whenComplete((x, failure) -> {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Read-only: a failed close loses nothing.
            }
        });
    }

    /** Sends pieces from {@code position}; loops while the container takes them at once, so that the stack stays flat. */
    private CompletionStage<Void> filePieces(FileChannel channel, long position, long end, boolean more) {
        long at = position;
        while (true) {
            ByteBuffer data = ByteBuffer.allocate((int) Math.min(FILE_PIECE, end - at));
            try {
                while (data.hasRemaining()) {
                    if (channel.read(data, at + data.position()) < 0) {
                        return unreadable(new IOException("[JGI-BODYOUT-5] the file is shorter than its region"));
                    }
                }
            } catch (IOException failure) {
                return unreadable(failure);
            }
            long next = at + data.flip().remaining();
            boolean last = next >= end;
            CompletableFuture<Void> sent =
                    body(new Action.ResponseBody(data, more || !last)).toCompletableFuture();
            if (last || sent.isCompletedExceptionally()) {
                return sent;
            }
            if (!sent.isDone()) {
                return sent.thenCompose(x -> filePieces(channel, next, end, more));
            }
            at = next;
        }
    }

    private CompletionStage<Void> unreadable(IOException failure) {
        broken.accept(failure);
        return CompletableFuture.failedFuture(failure);
    }

    private CompletionStage<Void> trailers(Action.ResponseTrailers fields) {
        synchronized (this) {
            Optional<Breach> late = order.check(fields);
            if (late.isPresent()) {
                return CompletableFuture.failedFuture(late.get().exception());
            }
            trailers = fields.trailers();
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
        order.abandon();
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
