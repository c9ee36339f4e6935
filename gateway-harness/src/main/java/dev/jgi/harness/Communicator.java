package dev.jgi.harness;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Event;
import dev.jgi.api.Request;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client's side of one async exchange, driven by the test one event and one action at a time:
 * what asgiref's {@code ApplicationCommunicator} is to ASGI. Actions reach the test only when the
 * server's order allows them [JGI-ASYNC-5]; a refused one fails the application's send stage.
 *
 * {@snippet class="dev.jgi.harness.JavadocExamplesTest" region="communicator"}
 */
public final class Communicator implements AutoCloseable {

    private final FedEvents events = new FedEvents();
    /** An action the application sent and the stage its send waits on. */
    private record Delivery(Action action, CompletableFuture<Void> taken) {}

    private final LinkedBlockingQueue<Delivery> actions = new LinkedBlockingQueue<>();
    private final ClientState client;
    private final ResponseSink sink;
    private final ActionRules rules;
    private final boolean websocket;
    private final Duration timeout;
    private final CompletableFuture<TestResponse> ended;

    Communicator(
            AsyncApplication app,
            Request request,
            TestRequest sent,
            TestServer.Options options,
            dev.jgi.kernel.hooks.Drain drains) {
        this.client = new ClientState(sent, drains);
        this.sink = new ResponseSink(request.method(), client);
        this.rules = new ActionRules(request, sink);
        this.websocket = request.kind() == Request.Kind.WEBSOCKET;
        this.timeout = options.timeout();
        Hooks hooks = new Hooks(options);
        boolean hold = options.sendsWaitForTheTest();
        TestChannel channel = new TestChannel(
                events,
                rules,
                hooks,
                client,
                action -> {
                    Delivery delivery = new Delivery(
                            action, hold ? new CompletableFuture<>() : CompletableFuture.completedFuture(null));
                    actions.add(delivery);
                    return delivery.taken();
                },
                options.faults().contains(ServerFault.ACCEPTS_ACTIONS_OUT_OF_ORDER),
                request.bodyLength());
        this.ended = AsyncRun.start(app, request, channel)
                .handle((ignored, failure) -> sink.response(AsyncRun.end(failure, sink, hooks, client, websocket)));
    }

    /**
     * Hands the application its next event. {@link Event.Disconnect} and
     * {@link Event.WebSocketClose} also mean the client is gone: later sends fail [JGI-DISC-4].
     */
    public void send(Event event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof Event.WebSocketClose) {
            rules.closedByClient();
        }
        if (event instanceof Event.Disconnect || event instanceof Event.WebSocketClose) {
            client.leave();
            actions.forEach(delivery -> delivery.taken()
                    .completeExceptionally(new ClientDisconnectedException(
                            "[JGI-DISC-4] the client went away before taking the action")));
        }
        events.feed(event);
    }

    /** Sends one body piece of an HTTP request. */
    public void sendBody(byte[] bytes, boolean last) {
        send(new Event.RequestBody(ByteBuffer.wrap(bytes.clone()), last));
    }

    public void sendText(String text) {
        send(new Event.WebSocketText(text));
    }

    public void sendBinary(byte[] bytes) {
        send(new Event.WebSocketBinary(ByteBuffer.wrap(bytes.clone())));
    }

    /**
     * The next action the application sent, waiting at most {@code wait}.
     *
     * @throws TimeoutException when none came in time
     */
    public Action receive(Duration wait) throws TimeoutException, InterruptedException {
        Delivery next = actions.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (next == null) {
            throw new TimeoutException(
                    "the application sent no action within " + wait + (ended.isDone() ? "; it has ended" : ""));
        }
        next.taken().complete(null);
        return next.action();
    }

    /**
     * The next action, which must be of {@code type}.
     *
     * @throws IllegalStateException when the next action is of another type
     */
    public <A extends Action> A receive(Class<A> type, Duration wait) throws TimeoutException, InterruptedException {
        Action next = receive(wait);
        if (!type.isInstance(next)) {
            throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + next);
        }
        return type.cast(next);
    }

    /** The text of the next action, which must be a text message. */
    public String receiveText(Duration wait) throws TimeoutException, InterruptedException {
        return receive(Action.WebSocketSendText.class, wait).text();
    }

    /** Whether the application sends nothing within {@code wait}: asgiref's {@code receive_nothing}. */
    public boolean receivesNothing(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (actions.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(Math.max(1, Math.min(10, (deadline - System.nanoTime()) / 1_000_000)));
        }
        return actions.isEmpty();
    }

    /**
     * Waits for the application's stage, then returns what the client received in all: the status
     * and body for HTTP, 101 or the deny for WebSocket, with the completion record.
     *
     * @throws TimeoutException when the application does not end within {@code wait}
     */
    public TestResponse awaitEnd(Duration wait) throws TimeoutException, InterruptedException {
        try {
            return ended.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether the application's stage completed. */
    public boolean hasEnded() {
        return ended.isDone();
    }

    /** Whether an action waits to be received, without taking it. */
    public boolean hasAction() {
        return !actions.isEmpty();
    }

    /**
     * Lets the client go away if the application has not ended (a close with 1006 for WebSocket, a
     * disconnect for HTTP) and waits, up to the server's timeout, for the application to end.
     */
    @Override
    public void close() throws TimeoutException, InterruptedException {
        if (!ended.isDone()) {
            send(websocket ? new Event.WebSocketClose(1006, "") : new Event.Disconnect());
            awaitEnd(timeout);
        }
    }
}
