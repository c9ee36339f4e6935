package dev.jgi.harness;

import dev.jgi.api.Action;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.kernel.order.ActionOrder;
import dev.jgi.kernel.order.Breach;
import dev.jgi.kernel.response.InvalidResponseException;
import dev.jgi.kernel.response.TrailerFraming;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What the harness does with an async action: the kernel's {@link ActionOrder} decides whether it
 * may come now [JGI-ASYNC-5]; an action in order reaches the {@link ResponseSink}, one out of order
 * is refused with the message naming its clause and sends nothing.
 */
final class ActionRules {

    private final ActionOrder order;
    private final boolean http10;
    private final Request request;
    private final ResponseSink sink;
    private int status;
    private boolean clientClosed;

    ActionRules(Request request, ResponseSink sink) {
        this.order = ActionOrder.of(request, request.capabilities());
        this.http10 = !TrailerFraming.earlyHintsReach(request.version());
        this.request = request;
        this.sink = sink;
    }

    /** Applies {@code action}; the refusal, naming its clause, if it is out of order. */
    synchronized Optional<String> apply(Action action) throws IOException {
        if (sink.finished()) {
            order.abandon();
        }
        if (clientClosed && (isMessage(action) || action instanceof Action.WebSocketClose)) {
            throw new ClientDisconnectedException("[JGI-DISC-4] the client closed the WebSocket connection");
        }
        Optional<Breach> breach = order.check(action);
        if (breach.isPresent()) {
            return Optional.of(breach.get().message());
        }
        try {
            send(action);
        } catch (InvalidResponseException refused) {
            order.abandon();
            sink.fail(refused);
            return Optional.of(refused.getMessage());
        }
        return Optional.empty();
    }

    /** The client closed the WebSocket connection: later messages fail [JGI-DISC-4]. */
    synchronized void closedByClient() {
        clientClosed = true;
        if (!order.ended()) {
            order.abandon();
            sink.finish();
        }
    }

    private void send(Action action) throws IOException, InvalidResponseException {
        switch (action) {
            case Action.EarlyHints hints -> {
                if (!http10) {
                    sink.earlyHints(hints.headers());
                }
            }
            case Action.ResponseStart start -> {
                status = start.status();
                sink.head(start.status(), start.headers());
            }
            case Action.ResponseBody piece -> write(piece.data());
            case Action.ResponseFile file -> write(RegionReader.read(file.path(), file.offset(), file.length()));
            case Action.ResponseTrailers trailers -> {
                // Dropped where they cannot travel; the stage still completes normally [JGI-EXT-8].
                if (TrailerFraming.travel(request.version(), request.method(), status)) {
                    sink.trailers(trailers.trailers());
                }
                sink.finish();
            }
            case Action.WebSocketAccept accept -> {
                Headers headers = accept.headers();
                if (accept.subprotocol().isPresent()) {
                    headers = headers.with(
                            "sec-websocket-protocol", accept.subprotocol().get());
                }
                sink.upgrade(headers);
            }
            case Action.WebSocketDeny deny -> {
                sink.head(deny.status(), deny.headers());
                sink.expectLength(deny.body().remaining());
                sink.write(deny.body());
                sink.finish();
            }
            case Action.WebSocketSendText text -> {}
            case Action.WebSocketSendBinary binary -> {}
            case Action.WebSocketClose close -> sink.finish();
            // The kernel's order refused it before it got here [JGI-EVO-3].
            case Action.Extension unknown -> {}
        }
    }

    private void write(ByteBuffer data) throws IOException {
        try {
            sink.write(data);
        } catch (IOException failure) {
            order.abandon();
            sink.fail(failure);
            throw failure;
        }
        sink.commit();
        if (order.ended()) {
            sink.finish();
        }
    }

    private static boolean isMessage(Action action) {
        return action instanceof Action.WebSocketSendText || action instanceof Action.WebSocketSendBinary;
    }
}
