package dev.jgi.server.http;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.BodyTooLargeException;
import dev.jgi.api.Capability;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.kernel.body.BodyBudget;
import dev.jgi.kernel.body.LimitedBody;
import dev.jgi.kernel.order.Breach;
import dev.jgi.kernel.order.HttpActionOrder;
import dev.jgi.kernel.response.BodyLength;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.ResponseBreach;
import dev.jgi.kernel.response.ResponseHead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The channel of one async HTTP exchange. Every event and action is handled on the exchange's I/O
 * thread, so the state below needs no locks; stages complete there too [JGI-ASYNC-6]. The kernel's
 * {@link HttpActionOrder} decides which action may come [JGI-ASYNC-5].
 */
final class AsyncCall implements dev.jgi.api.Channel, BodyReader.Sink {

    /**
     * What an HTTP exchange of this server implements of the actions that need a capability; the
     * server declares the same (ServerRuntime), and an exchange allows those its request holds
     * [JGI-CAP-6].
     */
    private static final Set<Capability> HTTP_CAPABILITIES =
            EnumSet.of(Capability.FILE_SENDING, Capability.TRAILERS, Capability.EARLY_HINTS);

    private static final Event LAST_EMPTY = new Event.RequestBody(ByteBuffer.allocate(0), true);

    private final Transport transport;
    private final BodyReader reader;
    private final CompletableFuture<Event> finished = new CompletableFuture<>();
    private final HttpActionOrder order;
    private final String method;
    private final BodyBudget budget;
    private CompletableFuture<Event> pending;
    /** The body over this exchange's limit, which every later receive fails with [JGI-LIM-9]. */
    private BodyTooLargeException overLimit;

    private boolean bodyEnded;
    private Action.ResponseStart start;
    private BodyLength length;

    private AsyncCall(Transport transport, BodyReader reader, Request request) {
        this.transport = transport;
        this.reader = reader;
        this.method = request.method();
        Set<Capability> allowed = EnumSet.copyOf(HTTP_CAPABILITIES);
        allowed.retainAll(request.capabilities());
        this.order = new HttpActionOrder(allowed);
        this.budget = new BodyBudget(request.bodyLength());
        this.bodyEnded = false;
    }

    /** Calls the application on the I/O thread and ends the exchange when its stage completes [JGI-ASYNC-7]. */
    static void run(AsyncApplication app, Request request, Transport transport, BodyReader reader) {
        AsyncCall call = new AsyncCall(transport, reader, request);
        transport.hooks.add(completion -> call.finished.complete(new Event.Disconnect()));
        CompletionStage<Void> stage;
        try {
            stage = app.handle(request, call);
        } catch (Throwable failure) {
            transport.fail("[JGI-ERR-1] the application failed", failure);
            return;
        }
        if (stage == null) {
            transport.fail("[JGI-APP-5] the application returned null", null);
            return;
        }
        stage.whenComplete((ignored, failure) -> transport.execute(() -> call.ended(failure)));
    }

    private void ended(Throwable failure) {
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (LimitedBody.causedByLimit(cause)) {
                transport.refuseBody(SyncCall.BODY_OVER_LIMIT);
                transport.fail("[JGI-LIM-8] the application failed on a body over a limit", cause);
            } else {
                transport.fail("[JGI-ERR-5] the application's stage failed", cause);
            }
        } else {
            order.unfinished().ifPresent(breach -> transport.fail(breach.message(), null));
        }
    }

    @Override
    public CompletionStage<Event> receive() {
        CompletableFuture<Event> next = new CompletableFuture<>();
        transport.execute(() -> {
            if (bodyEnded) {
                transport.departure.watchForReceive();
                // The hand-over cannot fail, so the stage whenComplete returns has nothing to report.
                var unused = finished.whenComplete((event, e) -> next.complete(event));
            } else if (reader == null) {
                bodyEnded = true;
                next.complete(LAST_EMPTY);
            } else if (overLimit != null || budget.beforeRead().isPresent()) {
                // Before any read, so that a client waiting for 100 Continue never gets it [JGI-BODY-4].
                overLimit = overLimit != null ? overLimit : budget.beforeRead().orElseThrow();
                next.completeExceptionally(overLimit);
            } else {
                pending = next;
                reader.demand(this);
            }
        });
        return next;
    }

    @Override
    public void piece(ByteBuffer data, boolean last) {
        Optional<BodyTooLargeException> over = budget.take(data.remaining());
        if (over.isPresent()) {
            overLimit = over.get();
            take().completeExceptionally(overLimit);
            return;
        }
        bodyEnded = last;
        take().complete(new Event.RequestBody(data, last));
    }

    @Override
    public void end() {
        bodyEnded = true;
        take().complete(LAST_EMPTY);
    }

    @Override
    public void failed(IOException failure) {
        bodyEnded = true;
        if (failure instanceof ClientDisconnectedException) {
            finished.complete(new Event.Disconnect());
            take().complete(new Event.Disconnect());
        } else {
            take().completeExceptionally(failure);
        }
    }

    private CompletableFuture<Event> take() {
        CompletableFuture<Event> next = pending;
        pending = null;
        return next;
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        transport.execute(() -> {
            try {
                dispatch(action, sent);
            } catch (RuntimeException e) {
                sent.completeExceptionally(e);
            }
        });
        return sent;
    }

    @Override
    public void limitBody(long maxBytes) {
        budget.lower(maxBytes);
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        transport.hooks.add(hook);
    }

    @Override
    public Headers requestTrailers() {
        return reader == null ? Headers.of() : reader.trailers();
    }

    @Override
    public void onDisconnect(Runnable callback) {
        transport.departure.onDisconnect(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        transport.drain.add(callback);
    }

    private void dispatch(Action action, CompletableFuture<Void> sent) {
        Optional<Breach> breach = order.breach(action);
        if (breach.isPresent()) {
            sent.completeExceptionally(breach.get().exception());
            return;
        }
        switch (action) {
            case Action.ResponseStart begin -> begin(begin, sent);
            case Action.ResponseBody piece -> {
                ByteBuffer data = piece.data();
                if (open(sent) && counted(data.remaining(), !piece.more(), sent)) {
                    order.check(piece);
                    commitIfFirst(!piece.more() ? data.remaining() : -1);
                    transport.sendPiece(data, !piece.more(), () -> sent.complete(null), sent::completeExceptionally);
                }
            }
            case Action.ResponseFile file -> {
                if (open(sent)) {
                    sendFile(file, sent);
                }
            }
            case Action.ResponseTrailers trailers -> {
                order.check(trailers);
                // Where trailers cannot travel the body already ended the exchange [JGI-EXT-8].
                transport.endWithTrailers(trailers.trailers());
                sent.complete(null);
            }
            case Action.EarlyHints hints -> {
                order.check(hints);
                var unused = Interim.earlyHints(transport, hints.headers()).whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        sent.complete(null);
                    } else {
                        sent.completeExceptionally(failure);
                    }
                });
            }
            default ->
                throw new IllegalStateException("the order lets only what the server declares through: " + action);
        }
    }

    private void begin(Action.ResponseStart begin, CompletableFuture<Void> sent) {
        OptionalLong declared;
        try {
            declared = ResponseHead.check(begin.status(), begin.headers());
        } catch (InvalidResponseException invalid) {
            order.abandon();
            transport.fail("[JGI-ERR-4] " + invalid.getMessage(), null);
            sent.completeExceptionally(new IllegalStateException(invalid.getMessage()));
            return;
        }
        order.check(begin);
        if (begin.trailers()) {
            transport.announceTrailers();
        }
        start = begin;
        length = new BodyLength(method, begin.status(), declared);
        sent.complete(null);
    }

    private void sendFile(Action.ResponseFile file, CompletableFuture<Void> sent) {
        FileChannel channel;
        long size;
        try {
            channel = FileChannel.open(file.path(), StandardOpenOption.READ);
            size = file.length().orElse(Math.max(0, channel.size() - file.offset()));
        } catch (IOException e) {
            sent.completeExceptionally(e);
            return;
        }
        if (!counted(size, !file.more(), sent)) {
            org.xnio.IoUtils.safeClose(channel);
            return;
        }
        order.check(file);
        commitIfFirst(!file.more() ? size : -1);
        transport.sendFilePiece(
                channel, file.offset(), size, !file.more(), () -> sent.complete(null), sent::completeExceptionally);
    }

    /** Whether the exchange can still take a body piece; it fails the piece's stage otherwise. */
    private boolean open(CompletableFuture<Void> sent) {
        if (!transport.isOpen() && !transport.isCommitted()) {
            sent.completeExceptionally(new ClientDisconnectedException("[JGI-DISC-4] the exchange is over"));
            return false;
        }
        return true;
    }

    /** Counts body bytes against the application's content-length [JGI-FRAME-6]. */
    private boolean counted(long bytes, boolean last, CompletableFuture<Void> sent) {
        Optional<ResponseBreach> mismatch = length.add(bytes);
        if (mismatch.isEmpty() && last) {
            mismatch = length.end();
        }
        if (mismatch.isEmpty()) {
            return true;
        }
        order.abandon();
        IOException failure = new IOException(mismatch.get().message());
        transport.fail(failure.getMessage(), null);
        sent.completeExceptionally(failure);
        return false;
    }

    /** @param wholeLength the body's length when this piece is all of it, else -1; a content-length the application set wins */
    private void commitIfFirst(long wholeLength) {
        if (!transport.isCommitted()) {
            transport.commit(start.status(), start.headers(), wholeLength);
        }
    }
}
