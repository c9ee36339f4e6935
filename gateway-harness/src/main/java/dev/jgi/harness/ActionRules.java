package dev.jgi.harness;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import dev.jgi.api.ClientDisconnectedException;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The order a server enforces on async actions [JGI-ASYNC-5]: each action either moves the
 * exchange on and reaches the client, or is refused with the clause it breaks and sends nothing.
 */
final class ActionRules {

    private enum State {
        NEW,
        STARTED,
        AWAITING_TRAILERS,
        OPEN,
        DONE
    }

    private final boolean websocket;
    private final Optional<String> offeredSubprotocols;
    private final ServerInfo info;
    private final boolean http10;
    private final ResponseSink sink;
    private State state = State.NEW;
    private boolean trailersAnnounced;
    private boolean clientClosed;

    ActionRules(Request request, ServerInfo info, ResponseSink sink) {
        this.websocket = request.kind() == Request.Kind.WEBSOCKET;
        this.offeredSubprotocols = request.header("sec-websocket-protocol");
        this.info = info;
        this.http10 = request.version().equals("HTTP/1.0");
        this.sink = sink;
    }

    /** Applies {@code action}; the refusal, naming its clause, if it is out of order. */
    synchronized Optional<String> apply(Action action) throws IOException {
        if (sink.finished() && state != State.DONE) {
            state = State.DONE;
        }
        return websocket ? applyWebSocket(action) : applyHttp(action);
    }

    /** The client closed the WebSocket connection: later messages fail [JGI-DISC-4]. */
    synchronized void closedByClient() {
        clientClosed = true;
        if (websocket && state != State.DONE) {
            state = State.DONE;
            sink.finish();
        }
    }

    private Optional<String> applyHttp(Action action) throws IOException {
        switch (action) {
            case Action.EarlyHints hints -> {
                if (!info.supports(Capability.EARLY_HINTS)) {
                    return refuse("[JGI-CAP-5] early hints without the EARLY_HINTS capability (JGI-CAP-3)");
                }
                if (state != State.NEW) {
                    return refuse("[JGI-ASYNC-5] early hints after the response start (JGI-EXT-5)");
                }
                if (!http10) {
                    sink.earlyHints(hints.headers());
                }
            }
            case Action.ResponseStart start -> {
                if (state != State.NEW) {
                    return refuse("[JGI-ASYNC-5] a second response start (JGI-ASYNC-3)");
                }
                if (start.trailers() && !info.supports(Capability.TRAILERS)) {
                    return refuse("[JGI-CAP-5] trailers announced without the TRAILERS capability (JGI-CAP-3)");
                }
                try {
                    sink.head(start.status(), start.headers());
                } catch (IllegalStateException refused) {
                    state = State.DONE;
                    sink.fail(refused);
                    return refuse(refused.getMessage());
                }
                trailersAnnounced = start.trailers();
                state = State.STARTED;
            }
            case Action.ResponseBody piece -> {
                Optional<String> refusal = bodyAllowed();
                if (refusal.isPresent()) {
                    return refusal;
                }
                write(piece.data(), piece.more());
            }
            case Action.ResponseFile file -> {
                if (!info.supports(Capability.FILE_SENDING)) {
                    return refuse("[JGI-CAP-5] a file action without the FILE_SENDING capability (JGI-CAP-3)");
                }
                Optional<String> refusal = bodyAllowed();
                if (refusal.isPresent()) {
                    return refusal;
                }
                write(RegionReader.read(file.path(), file.offset(), file.length()), file.more());
            }
            case Action.ResponseTrailers trailers -> {
                if (state != State.AWAITING_TRAILERS) {
                    return refuse(
                            trailersAnnounced
                                    ? "[JGI-ASYNC-5] trailers before the last body piece (JGI-EXT-6)"
                                    : "[JGI-ASYNC-5] trailers the response start did not announce (JGI-EXT-6)");
                }
                sink.trailers(trailers.trailers());
                state = State.DONE;
                sink.finish();
            }
            default -> {
                return refuse("[JGI-ASYNC-5] " + action.getClass().getSimpleName() + " on an HTTP exchange");
            }
        }
        return Optional.empty();
    }

    private Optional<String> bodyAllowed() {
        return switch (state) {
            case NEW -> refuse("[JGI-ASYNC-5] a body piece before the response start (JGI-ASYNC-3)");
            case AWAITING_TRAILERS, DONE -> refuse("[JGI-ASYNC-5] a body piece after the last one (JGI-ASYNC-4)");
            default -> Optional.empty();
        };
    }

    private void write(ByteBuffer data, boolean more) throws IOException {
        try {
            sink.write(data);
        } catch (IOException failure) {
            state = State.DONE;
            sink.fail(failure);
            throw failure;
        }
        sink.commit();
        if (!more) {
            state = trailersAnnounced ? State.AWAITING_TRAILERS : State.DONE;
            if (state == State.DONE) {
                sink.finish();
            }
        }
    }

    private Optional<String> applyWebSocket(Action action) throws IOException {
        switch (action) {
            case Action.WebSocketAccept accept -> {
                if (state != State.NEW) {
                    return refuse("[JGI-ASYNC-5] an accept after the handshake was answered (JGI-WS-13)");
                }
                Headers headers = accept.headers();
                if (accept.subprotocol().isPresent()) {
                    String chosen = accept.subprotocol().get();
                    boolean offered = offeredSubprotocols.stream()
                            .flatMap(list -> Arrays.stream(list.split(",")))
                            .anyMatch(offer -> offer.strip().equals(chosen));
                    if (!offered) {
                        return refuse("[JGI-WS-3] subprotocol " + chosen + " was not offered by the client");
                    }
                    headers = headers.with("sec-websocket-protocol", chosen);
                }
                sink.upgrade(headers);
                state = State.OPEN;
            }
            case Action.WebSocketDeny deny -> {
                if (state != State.NEW) {
                    return refuse("[JGI-ASYNC-5] a deny after the handshake was answered (JGI-WS-13)");
                }
                state = State.DONE;
                try {
                    sink.head(deny.status(), deny.headers());
                } catch (IllegalStateException refused) {
                    sink.fail(refused);
                    return refuse(refused.getMessage());
                }
                sink.expectLength(deny.body().remaining());
                sink.write(deny.body());
                sink.finish();
            }
            case Action.WebSocketSendText text -> {
                return messageAllowed();
            }
            case Action.WebSocketSendBinary binary -> {
                return messageAllowed();
            }
            case Action.WebSocketClose close -> {
                Optional<String> refusal = messageAllowed();
                if (refusal.isPresent()) {
                    return refusal;
                }
                if (!validCloseCode(close.code())) {
                    return refuse("[JGI-ASYNC-5] close code " + close.code() + " may not be sent (JGI-WS-8)");
                }
                state = State.DONE;
                sink.finish();
            }
            default -> {
                return refuse("[JGI-ASYNC-5] " + action.getClass().getSimpleName() + " on a WebSocket exchange");
            }
        }
        return Optional.empty();
    }

    private Optional<String> messageAllowed() throws ClientDisconnectedException {
        return switch (state) {
            case NEW -> refuse("[JGI-ASYNC-5] a message before the connection was accepted (JGI-WS-12)");
            case DONE -> {
                if (clientClosed) {
                    throw new ClientDisconnectedException("[JGI-DISC-4] the client closed the WebSocket connection");
                }
                yield refuse("[JGI-ASYNC-5] a message after the connection was denied or closed (JGI-WS-12)");
            }
            default -> Optional.empty();
        };
    }

    /** [JGI-WS-8] */
    static boolean validCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }

    private static Optional<String> refuse(String clauseAndReason) {
        return Optional.of(clauseAndReason);
    }
}
