package dev.jgi.servlet.internal;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Completion;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import dev.jgi.kernel.order.Breach;
import dev.jgi.kernel.order.WebSocketActionOrder;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.ResponseHead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One WebSocket connection to an async application, through Jakarta WebSocket. The servlet thread
 * waits for the application's accept or deny, since a servlet can upgrade only while it runs; then
 * the container's endpoint callbacks become events and sends go to its async remote. The kernel's
 * {@link WebSocketActionOrder} decides which action may come [JGI-ASYNC-5].
 */
public final class WebSocketCall implements Channel {

    private static final System.Logger LOG = System.getLogger("dev.jgi.servlet");
    /** How long a handshake may wait for the application's accept or deny. */
    private static final long DECISION_SECONDS = 60;

    private final Request head;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Completions hooks = new Completions();
    private final WebSocketActionOrder order;
    private final CompletableFuture<Action> decision = new CompletableFuture<>();
    private final CompletableFuture<Void> decided = new CompletableFuture<>();
    private final ArrayDeque<Event> inbox = new ArrayDeque<>();
    private CompletableFuture<Event> pending;
    private boolean connectDelivered;
    private Event.WebSocketClose closed;
    private Session session;
    private boolean sending;
    private boolean closeSent;

    private WebSocketCall(Request head, HttpServletRequest request, HttpServletResponse response) {
        this.order = new WebSocketActionOrder(head);
        this.head = head;
        this.request = request;
        this.response = response;
    }

    static boolean hasContainer(Object attribute) {
        return attribute instanceof ServerContainer;
    }

    /** Serves a handshake; returns once the connection was upgraded or the handshake answered. */
    public static void serve(
            AsyncApplication app,
            Request head,
            HttpServletRequest request,
            HttpServletResponse response,
            int maxMessage)
            throws IOException {
        WebSocketCall call = new WebSocketCall(head, request, response);
        try {
            CompletionStage<Void> done = app.handle(head, call);
            if (done == null) {
                throw new IllegalStateException("[JGI-APP-5] the application returned null");
            }
            done.whenComplete((ignored, failure) -> call.applicationEnded(failure));
        } catch (RuntimeException | Error failure) {
            call.applicationEnded(failure);
        }
        Action answer;
        try {
            answer = call.decision.get(DECISION_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException failure) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    () -> "[JGI-ERR-3] WebSocket handshake " + request.getRequestURI()
                            + " failed before an accept or deny",
                    failure);
            Errors.send(response, 500);
            call.hooks.run(500, 0, Optional.of(failure));
            return;
        }
        switch (answer) {
            case Action.WebSocketDeny deny -> call.deny(deny);
            case Action.WebSocketAccept accept -> call.upgrade(accept, maxMessage);
            default -> throw new IllegalStateException("only an accept or a deny decides a handshake");
        }
    }

    private void upgrade(Action.WebSocketAccept accept, int maxMessage) throws IOException {
        ServerContainer container =
                (ServerContainer) request.getServletContext().getAttribute(WebSocketSupport.CONTAINER_ATTRIBUTE);
        try {
            container.upgradeHttpToWebSocket(
                    request,
                    response,
                    WebSocketEndpoint.config(new WebSocketEndpoint(this, maxMessage), accept),
                    java.util.Map.of());
        } catch (jakarta.websocket.DeploymentException | IOException | RuntimeException failure) {
            decided.completeExceptionally(failure);
            LOG.log(System.Logger.Level.ERROR, "[JGI-ERR-3] the WebSocket upgrade failed", failure);
            if (!response.isCommitted()) {
                Errors.send(response, 500);
            }
        }
    }

    /** [JGI-WS-4] an ordinary HTTP response, and no upgrade. */
    private void deny(Action.WebSocketDeny deny) throws IOException {
        try {
            ResponseHead.check(deny.status(), deny.headers());
        } catch (InvalidResponseException invalid) {
            LOG.log(System.Logger.Level.ERROR, invalid.getMessage());
            decided.completeExceptionally(new IllegalStateException(invalid.getMessage()));
            Errors.send(response, 500);
            hooks.run(500, 0, Optional.of(invalid));
            return;
        }
        ByteBuffer body = deny.body();
        ResponseHeads.apply(head, deny.status(), deny.headers(), response);
        response.setContentLength(body.remaining());
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        try {
            response.getOutputStream().write(bytes);
            response.getOutputStream().close();
            decided.complete(null);
        } catch (IOException gone) {
            decided.completeExceptionally(new ClientDisconnectedException("[JGI-DISC-4] the client went away", gone));
        }
        hooks.run(deny.status(), bytes.length, Optional.empty());
    }

    // --- events, from the container's endpoint callbacks

    void opened(Session opened) {
        synchronized (this) {
            session = opened;
        }
        decided.complete(null);
    }

    void arrived(Event message) {
        CompletableFuture<Event> waiting;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            waiting = pending;
            pending = null;
            if (waiting == null) {
                inbox.add(message);
                return;
            }
        }
        waiting.complete(message);
    }

    /** [JGI-WS-7] once, with the peer's code, or 1006 when the connection dropped. */
    void closedWith(int code, String reason) {
        CompletableFuture<Event> waiting = null;
        Event.WebSocketClose event;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = new Event.WebSocketClose(code, reason);
            event = closed;
            if (inbox.isEmpty()) {
                waiting = pending;
                pending = null;
            }
        }
        if (waiting != null) {
            waiting.complete(event);
        }
        hooks.run(
                101,
                0,
                code == 1000 || code == 1001
                        ? Optional.empty()
                        : Optional.of(new ClientDisconnectedException("WebSocket closed with " + code + " " + reason)));
    }

    @Override
    public CompletionStage<Event> receive() {
        synchronized (this) {
            if (pending != null) {
                return CompletableFuture.failedFuture(
                        new IllegalStateException("[JGI-STREAM-4] a receive is already pending"));
            }
            if (!connectDelivered) {
                connectDelivered = true;
                return CompletableFuture.completedFuture(new Event.WebSocketConnect());
            }
            if (!inbox.isEmpty()) {
                return CompletableFuture.completedFuture(inbox.poll());
            }
            if (closed != null) {
                return CompletableFuture.completedFuture(closed);
            }
            pending = new CompletableFuture<>();
            return pending;
        }
    }

    @Override
    public CompletionStage<Void> send(Action action) {
        Optional<Breach> breach = order.breach(action);
        if (breach.isPresent()) {
            return CompletableFuture.failedFuture(breach.get().exception());
        }
        return switch (action) {
            case Action.WebSocketAccept accept -> decide(accept);
            case Action.WebSocketDeny deny -> decide(deny);
            case Action.WebSocketSendText text -> message(send -> send.sendText(text.text(), handler(send)));
            case Action.WebSocketSendBinary binary -> message(send -> send.sendBinary(binary.data(), handler(send)));
            case Action.WebSocketClose close -> close(close);
            default -> throw new IllegalStateException("the order refuses HTTP actions on a WebSocket: " + action);
        };
    }

    private CompletionStage<Void> decide(Action answer) {
        Optional<Breach> late = order.check(answer);
        if (late.isPresent()) {
            return CompletableFuture.failedFuture(late.get().exception());
        }
        if (!decision.complete(answer)) {
            return refuse("[JGI-ASYNC-9] the application's handle stage completed before it answered the handshake");
        }
        return decided;
    }

    /** A send of one message through the async remote; its stage completes when the frame left [JGI-WS-10]. */
    private interface Send {
        void to(PendingSend remote);
    }

    /** The remote of the open session and the stage of one send. */
    private record PendingSend(jakarta.websocket.RemoteEndpoint.Async remote, CompletableFuture<Void> done) {
        void sendText(String text, jakarta.websocket.SendHandler handler) {
            remote.sendText(text, handler);
        }

        void sendBinary(ByteBuffer data, jakarta.websocket.SendHandler handler) {
            remote.sendBinary(data, handler);
        }
    }

    private CompletionStage<Void> message(Send send) {
        Session open;
        synchronized (this) {
            if (session == null || closeSent || closed != null) {
                return refuse("[JGI-WS-12] no message before the accept completed or after a close");
            }
            if (sending) {
                return refuse("[JGI-STREAM-3] a send is already pending");
            }
            sending = true;
            open = session;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            send.to(new PendingSend(open.getAsyncRemote(), done));
        } catch (RuntimeException failure) {
            sent(done, failure);
        }
        return done;
    }

    private jakarta.websocket.SendHandler handler(PendingSend pending) {
        return result -> sent(pending.done(), result.isOK() ? null : result.getException());
    }

    private void sent(CompletableFuture<Void> done, Throwable failure) {
        synchronized (this) {
            sending = false;
        }
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(
                    new ClientDisconnectedException("[JGI-DISC-4] the WebSocket send failed", failure));
        }
    }

    private CompletionStage<Void> close(Action.WebSocketClose close) {
        Session open;
        synchronized (this) {
            if (session == null || closeSent || closed != null) {
                return refuse("[JGI-WS-12] no close before the accept completed or after a close");
            }
            Optional<Breach> late = order.check(close);
            if (late.isPresent()) {
                return CompletableFuture.failedFuture(late.get().exception());
            }
            closeSent = true;
            open = session;
        }
        try {
            open.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(close.code()), close.reason()));
            return CompletableFuture.completedFuture(null);
        } catch (IOException gone) {
            return CompletableFuture.failedFuture(
                    new ClientDisconnectedException("[JGI-DISC-4] the close failed", gone));
        }
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

    /** [JGI-ASYNC-7] the connection ends with the application: 1000 after a normal end, 1011 after a failure. */
    private void applicationEnded(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (!decision.isDone()) {
            decision.completeExceptionally(
                    cause != null
                            ? cause
                            : new IllegalStateException(
                                    "[JGI-ERR-6] the application ended before it accepted or denied"));
            return;
        }
        Session open;
        synchronized (this) {
            open = closeSent || closed != null ? null : session;
            closeSent = true;
        }
        if (open != null) {
            if (cause != null) {
                LOG.log(System.Logger.Level.ERROR, "[JGI-ERR-3] the WebSocket application failed", cause);
            }
            try {
                open.close(new CloseReason(
                        cause == null
                                ? CloseReason.CloseCodes.NORMAL_CLOSURE
                                : CloseReason.CloseCodes.UNEXPECTED_CONDITION,
                        ""));
            } catch (IOException ignored) {
                // The connection is gone already; its close event reports that.
            }
        }
    }

    private static CompletionStage<Void> refuse(String clauseAndReason) {
        return CompletableFuture.failedFuture(new IllegalStateException(clauseAndReason));
    }
}
