package dev.jgi.server.http;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The channel of one async HTTP exchange. Every event and action is handled on the exchange's I/O
 * thread, so the order checks below need no locks; stages complete there too [JGI-ASYNC-6].
 */
final class AsyncCall implements dev.jgi.api.Channel, BodyReader.Sink {

    private enum Phase {
        START,
        BODY,
        DONE
    }

    private static final Event LAST_EMPTY = new Event.RequestBody(ByteBuffer.allocate(0), true);

    private final Transport transport;
    private final BodyReader reader;
    private final CompletableFuture<Event> finished = new CompletableFuture<>();
    private CompletableFuture<Event> pending;
    private boolean bodyEnded;
    private Phase phase = Phase.START;
    private Action.ResponseStart start;
    private long declared = -1;
    private long written;

    private AsyncCall(Transport transport, BodyReader reader) {
        this.transport = transport;
        this.reader = reader;
        this.bodyEnded = false;
    }

    /** Calls the application on the I/O thread and ends the exchange when its stage completes [JGI-ASYNC-7]. */
    static void run(AsyncApplication app, Request request, Transport transport, BodyReader reader) {
        AsyncCall call = new AsyncCall(transport, reader);
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
            transport.fail("[JGI-ERR-5] the application's stage failed", cause);
        } else if (phase != Phase.DONE) {
            transport.fail("[JGI-ERR-6] the application ended before its response did", null);
        }
    }

    @Override
    public CompletionStage<Event> receive() {
        CompletableFuture<Event> next = new CompletableFuture<>();
        transport.execute(() -> {
            if (bodyEnded) {
                DisconnectWatch.arm(
                        transport,
                        () -> transport.abort(new ClientDisconnectedException(
                                "[JGI-DISC-3] the client went away while the application waited")));
                finished.whenComplete((event, e) -> next.complete(event));
            } else if (reader == null) {
                bodyEnded = true;
                next.complete(LAST_EMPTY);
            } else {
                pending = next;
                reader.demand(this);
            }
        });
        return next;
    }

    @Override
    public void piece(ByteBuffer data, boolean last) {
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
    public void onComplete(Consumer<Completion> hook) {
        transport.hooks.add(java.util.Objects.requireNonNull(hook));
    }

    private void dispatch(Action action, CompletableFuture<Void> sent) {
        switch (action) {
            case Action.ResponseStart begin -> begin(begin, sent);
            case Action.ResponseBody piece -> {
                if (order(sent, "[JGI-ASYNC-3] a body piece before the response start")) {
                    ByteBuffer data = piece.data();
                    if (counted(data.remaining(), !piece.more(), sent)) {
                        commitIfFirst(!piece.more() ? data.remaining() : -1);
                        phase = piece.more() ? Phase.BODY : Phase.DONE;
                        transport.sendPiece(
                                data, !piece.more(), () -> sent.complete(null), sent::completeExceptionally);
                    }
                }
            }
            case Action.ResponseFile file -> {
                if (order(sent, "[JGI-ASYNC-3] a file piece before the response start")) {
                    sendFile(file, sent);
                }
            }
            case Action.ResponseTrailers trailers -> refuse(sent, "[JGI-CAP-5] this server does not declare TRAILERS");
            case Action.EarlyHints hints -> refuse(sent, "[JGI-CAP-5] this server does not declare EARLY_HINTS");
            default -> refuse(sent, "[JGI-ASYNC-5] " + action.getClass().getSimpleName() + " on an HTTP exchange");
        }
    }

    private void begin(Action.ResponseStart begin, CompletableFuture<Void> sent) {
        if (phase != Phase.START) {
            refuse(sent, "[JGI-ASYNC-3] a second response start");
            return;
        }
        if (begin.trailers()) {
            refuse(sent, "[JGI-CAP-5] this server does not declare TRAILERS");
            return;
        }
        try {
            declared = ResponseCheck.check(begin.status(), begin.headers(), -1);
        } catch (ResponseCheck.Invalid invalid) {
            phase = Phase.DONE;
            transport.fail("[JGI-ERR-4] " + invalid.getMessage(), null);
            sent.completeExceptionally(new IllegalStateException(invalid.getMessage()));
            return;
        }
        start = begin;
        phase = Phase.BODY;
        sent.complete(null);
    }

    private void sendFile(Action.ResponseFile file, CompletableFuture<Void> sent) {
        FileChannel channel;
        long length;
        try {
            channel = FileChannel.open(file.path(), StandardOpenOption.READ);
            length = file.length().orElse(Math.max(0, channel.size() - file.offset()));
        } catch (IOException e) {
            sent.completeExceptionally(e);
            return;
        }
        if (!counted(length, !file.more(), sent)) {
            org.xnio.IoUtils.safeClose(channel);
            return;
        }
        commitIfFirst(!file.more() ? length : -1);
        phase = file.more() ? Phase.BODY : Phase.DONE;
        transport.sendFilePiece(
                channel, file.offset(), length, !file.more(), () -> sent.complete(null), sent::completeExceptionally);
    }

    /** Checks that a body piece may come now; refuses it otherwise. */
    private boolean order(CompletableFuture<Void> sent, String beforeStart) {
        if (phase == Phase.START) {
            refuse(sent, beforeStart);
            return false;
        }
        if (phase == Phase.DONE) {
            refuse(sent, "[JGI-ASYNC-4] a body piece after the last one");
            return false;
        }
        if (!transport.isOpen() && !transport.isCommitted()) {
            sent.completeExceptionally(new ClientDisconnectedException("[JGI-DISC-4] the exchange is over"));
            return false;
        }
        return true;
    }

    /** Counts body bytes against the application's content-length [JGI-FRAME-6]. */
    private boolean counted(long length, boolean last, CompletableFuture<Void> sent) {
        written += length;
        if (declared >= 0 && (written > declared || last && written != declared)) {
            phase = Phase.DONE;
            IOException tooLong =
                    new IOException("[JGI-FRAME-6] the body does not match its content-length of " + declared);
            transport.fail(tooLong.getMessage(), null);
            sent.completeExceptionally(tooLong);
            return false;
        }
        return true;
    }

    private void commitIfFirst(long wholeLength) {
        if (!transport.isCommitted()) {
            transport.commit(start.status(), status204(start), declared < 0 ? wholeLength : -1);
        }
    }

    private static dev.jgi.api.Headers status204(Action.ResponseStart start) {
        return start.status() == 204 ? ResponseCheck.forNoContent(start.headers()) : start.headers();
    }

    private static void refuse(CompletableFuture<Void> sent, String clause) {
        sent.completeExceptionally(new IllegalStateException(clause));
    }
}
