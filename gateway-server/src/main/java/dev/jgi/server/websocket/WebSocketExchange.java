package dev.jgi.server.websocket;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import dev.jgi.kernel.hooks.CompletionHooks;
import dev.jgi.kernel.hooks.Signal;
import dev.jgi.kernel.order.Breach;
import dev.jgi.kernel.order.WebSocketActionOrder;
import dev.jgi.server.log.ServerLog;
import io.undertow.server.HttpServerExchange;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.xnio.IoUtils;

/**
 * One WebSocket exchange seen through the async interface: the application's {@link Channel}, and
 * the state of its connection (connect, answer, messages, close). The kernel's
 * {@link WebSocketActionOrder} decides which action may come [JGI-ASYNC-5]. The exchange ends when
 * both the connection closed and the application's stage completed; then the completion hooks run.
 */
final class WebSocketExchange implements Channel {

    private enum State {
        CONNECTING,
        ACCEPTING,
        OPEN,
        CLOSING,
        DENIED,
        FAILED
    }

    private final HttpServerExchange http;
    private final WebSocketSettings settings;
    private final Runnable closed;
    private final Inbox inbox = new Inbox();
    private final CompletionHooks hooks =
            new CompletionHooks((message, failure) -> ServerLog.error(null, message, failure));
    /** Fired when the connection drops without a close handshake [JGI-DISC-6]. */
    private final Signal disconnect = new Signal(
            "[JGI-DISC-6] a disconnect callback", (message, failure) -> ServerLog.error(null, message, failure));
    /** Fired when the server begins to drain while this connection is open [JGI-LIFE-9]. */
    final Signal drain =
            new Signal("[JGI-LIFE-9] a drain callback", (message, failure) -> ServerLog.error(null, message, failure));

    private final AtomicReference<State> state = new AtomicReference<>(State.CONNECTING);
    private final AtomicBoolean sendPending = new AtomicBoolean();
    private final AtomicBoolean transportEnded = new AtomicBoolean();
    private final AtomicInteger endsToGo = new AtomicInteger(2);
    private final AtomicLong bytesSent = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile WebSocketChannel socket;
    private volatile CompletableFuture<Void> accepting;
    private volatile WebSocketActionOrder order;
    private volatile boolean applicationEnded;
    private volatile int status;
    private volatile Throwable failure;

    /** @param closed called once the connection is closed, to forget the exchange */
    WebSocketExchange(HttpServerExchange http, WebSocketSettings settings, Runnable closed) {
        this.http = http;
        this.settings = settings;
        this.closed = closed;
        http.getConnection().addCloseListener(connection -> {
            if (socket == null) {
                endTransport(new ClientDisconnectedException("the client left during the WebSocket handshake"));
            }
        });
    }

    /** Calls the application; the exchange must already be dispatched. */
    void run(AsyncApplication app, Request request) {
        order = new WebSocketActionOrder(request);
        CompletionStage<Void> stage;
        try {
            stage = app.handle(request, this);
            if (stage == null) {
                stage = CompletableFuture.failedFuture(new IllegalStateException("[JGI-APP-5] handle returned null"));
            }
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((ignored, error) -> applicationEnded(error, request));
    }

    @Override
    public CompletionStage<Event> receive() {
        return inbox.receive();
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        if (!sendPending.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("[JGI-STREAM-3] send called while the previous send is pending"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            Optional<Breach> breach = order.breach(action);
            if (breach.isPresent()) {
                done.completeExceptionally(breach.get().exception());
            } else {
                switch (action) {
                    case Action.WebSocketAccept accept -> accept(accept, done);
                    case Action.WebSocketDeny deny -> deny(deny, done);
                    case Action.WebSocketSendText text -> message(text.text(), null, done);
                    case Action.WebSocketSendBinary binary -> message(null, binary.data(), done);
                    case Action.WebSocketClose close -> close(close, done);
                    default -> throw new IllegalStateException("the order refuses HTTP actions: " + action);
                }
            }
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done.whenComplete((ignored, error) -> sendPending.set(false));
    }

    @Override
    public void onComplete(Consumer<Completion> hook) {
        hooks.add(hook);
    }

    /** A WebSocket handshake has no body to limit [JGI-LIM-9]. */
    @Override
    public void limitBody(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("[JGI-LIM-9] a body limit must not be negative: " + maxBytes);
        }
    }

    @Override
    public void onDisconnect(Runnable callback) {
        disconnect.add(callback);
    }

    @Override
    public void onDrain(Runnable callback) {
        drain.add(callback);
    }

    private void accept(Action.WebSocketAccept accept, CompletableFuture<Void> done) {
        Optional<String> chosen = accept.subprotocol();
        if (!state.compareAndSet(State.CONNECTING, State.ACCEPTING)) {
            done.completeExceptionally(answered());
            return;
        }
        order.check(accept);
        accepting = done;
        http.getIoThread().execute(() -> {
            try {
                Handshakes.upgrade(http, chosen, accept.headers(), upgraded -> opened(upgraded, done));
            } catch (RuntimeException e) {
                state.set(State.FAILED);
                order.abandon();
                done.completeExceptionally(e);
                IoUtils.safeClose(http.getConnection());
            }
        });
    }

    private void opened(WebSocketChannel upgraded, CompletableFuture<Void> done) {
        socket = upgraded;
        status = 101;
        inbox.attach(new Inbox.Reads() {
            @Override
            public void pause() {
                upgraded.suspendReceives();
            }

            @Override
            public void resume() {
                upgraded.getIoThread().execute(upgraded::resumeReceives);
            }
        });
        upgraded.getReceiveSetter().set(new MessageReader(inbox, settings.maxMessageSize(), this::closeSoon));
        upgraded.getCloseSetter().set(channel -> endTransport(null));
        if (!settings.idleTimeout().isZero()) {
            upgraded.setIdleTimeout(settings.idleTimeout().toMillis());
        }
        upgraded.resumeReceives();
        state.set(State.OPEN);
        done.complete(null);
        if (applicationEnded) {
            closeAfterApplication();
        }
    }

    private void deny(Action.WebSocketDeny deny, CompletableFuture<Void> done) {
        if (!state.compareAndSet(State.CONNECTING, State.DENIED)) {
            done.completeExceptionally(answered());
            return;
        }
        order.check(deny);
        status = deny.status();
        ByteBuffer body = deny.body();
        bytesSent.set(body.remaining());
        http.getIoThread()
                .execute(() -> HttpAnswer.send(http, deny.status(), deny.headers(), body, error -> {
                    if (error == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(
                                new ClientDisconnectedException("[JGI-DISC-4] the client left", error));
                    }
                    endTransport(error);
                }));
    }

    /** A message the order allowed: sent while the connection is open, refused as gone otherwise. */
    private void message(String text, ByteBuffer binary, CompletableFuture<Void> done) {
        WebSocketChannel open = socket;
        if (state.get() != State.OPEN || inbox.isClosed() || !open.isOpen() || open.isCloseFrameSent()) {
            done.completeExceptionally(gone(null));
        } else if (text != null) {
            WebSockets.sendText(text, open, sent(done, text.getBytes(StandardCharsets.UTF_8).length));
        } else {
            WebSockets.sendBinary(binary, open, sent(done, binary.remaining()));
        }
    }

    /** A close the order allowed [JGI-WS-8]: the close frame, then a bounded wait for the peer's. */
    private void close(Action.WebSocketClose close, CompletableFuture<Void> done) {
        if (!state.compareAndSet(State.OPEN, State.CLOSING)) {
            done.completeExceptionally(gone(null));
            return;
        }
        order.check(close);
        WebSocketChannel open = socket;
        if (!open.isOpen() || open.isCloseFrameSent()) {
            done.completeExceptionally(gone(null));
            return;
        }
        WebSockets.sendClose(close.code(), close.reason(), open, sent(done, 0));
        closeSoon();
    }

    private WebSocketCallback<Void> sent(CompletableFuture<Void> done, long payload) {
        return new WebSocketCallback<>() {
            @Override
            public void complete(WebSocketChannel channel, Void context) {
                bytesSent.addAndGet(payload);
                done.complete(null);
            }

            @Override
            public void onError(WebSocketChannel channel, Void context, Throwable error) {
                done.completeExceptionally(gone(error));
            }
        };
    }

    /** Bounds the wait for the peer's close frame once the server sent its own. */
    private void closeSoon() {
        WebSocketChannel open = socket;
        open.getIoThread()
                .executeAfter(
                        () -> IoUtils.safeClose(open), settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void applicationEnded(Throwable error, Request request) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String requestId = String.valueOf(request.extensions().getOrDefault("dev.jgi.request-id", "-"));
        if (cause != null) {
            failure = cause;
            ServerLog.error(
                    requestId,
                    "[JGI-ERR-5] the application failed on the WebSocket "
                            + request.target().raw(),
                    cause);
        }
        applicationEnded = true;
        if (state.compareAndSet(State.CONNECTING, State.FAILED)) {
            if (cause == null) {
                failure = new IllegalStateException(
                        "[JGI-ERR-6] the application ended without answering the WebSocket handshake");
                ServerLog.warn(
                        requestId,
                        failure.getMessage() + ": " + request.target().raw());
            }
            http.getIoThread()
                    .execute(() -> HttpAnswer.send(
                            http, 500, dev.jgi.api.Headers.of(), ByteBuffer.allocate(0), this::endTransport));
        } else if (state.get() == State.OPEN) {
            closeAfterApplication();
        }
        countEnd();
    }

    /** The application is done with an open connection: close it, 1011 if it failed. */
    private void closeAfterApplication() {
        if (state.compareAndSet(State.OPEN, State.CLOSING)) {
            WebSocketChannel open = socket;
            if (open.isOpen() && !open.isCloseFrameSent()) {
                WebSockets.sendClose(failure == null ? 1000 : 1011, "", open, null);
            }
            closeSoon();
        }
    }

    /** The server shuts down: an open connection is closed with 1001 (going away). */
    void goingAway() {
        if (state.compareAndSet(State.OPEN, State.CLOSING)) {
            WebSocketChannel open = socket;
            if (open.isOpen() && !open.isCloseFrameSent()) {
                WebSockets.sendClose(1001, "the server is shutting down", open, null);
            }
            closeSoon();
        }
    }

    private void endTransport(Throwable error) {
        if (!transportEnded.compareAndSet(false, true)) {
            return;
        }
        closed.run();
        CompletableFuture<Void> handshake = accepting;
        if (handshake != null && socket == null) {
            // The 101 never went out: the client left while the application decided.
            handshake.completeExceptionally(gone(error));
        }
        boolean dropped = inbox.close(new Event.WebSocketClose(1006, ""));
        if (failure == null && (error != null || (dropped && state.get() != State.DENIED))) {
            failure = error != null ? error : gone(null);
        }
        if (dropped && state.get() != State.DENIED) {
            disconnect.fire();
        }
        disconnect.cancel();
        countEnd();
    }

    private void countEnd() {
        if (endsToGo.decrementAndGet() == 0) {
            hooks.run(new Completion(
                    status,
                    bytesSent.get(),
                    Optional.ofNullable(failure),
                    Duration.ofNanos(System.nanoTime() - startNanos)));
        }
    }

    private IllegalStateException answered() {
        return new IllegalStateException("[JGI-ASYNC-5] the WebSocket handshake was already answered ("
                + state.get().name().toLowerCase(java.util.Locale.ROOT) + ")");
    }

    private static ClientDisconnectedException gone(Throwable cause) {
        return new ClientDisconnectedException("[JGI-DISC-4] the WebSocket connection is closed", cause);
    }
}
