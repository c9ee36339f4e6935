package dev.jgi.kernel.order;

import dev.jgi.api.Action;
import dev.jgi.api.Request;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The order of the actions of a WebSocket exchange.
 *
 * <p><b>Rules</b>, each an application's clause that the server enforces by refusing the action
 * [JGI-ASYNC-5]:
 * <ul>
 *   <li>[JGI-WS-13] Exactly one {@code WebSocketAccept} or {@code WebSocketDeny} answers the
 *       connect; a {@code WebSocketClose} before the accept is refused (a deny is the way to
 *       refuse).</li>
 *   <li>[JGI-WS-3] An accept names a subprotocol only if the client offered it in one of its
 *       {@code sec-websocket-protocol} fields.</li>
 *   <li>[JGI-WS-12] Messages only after the accept and before the close; one close.</li>
 *   <li>[JGI-WS-8] A close code from {@link CloseCodes#sendable}; and a close reason of at most
 *       123 bytes of UTF-8, all a close frame can carry (RFC 6455 §5.5).</li>
 *   <li>HTTP actions are out of order on a WebSocket exchange [JGI-ASYNC-5].</li>
 * </ul>
 */
public final class WebSocketActionOrder implements ActionOrder {

    private static final int MAX_REASON_BYTES = 123;

    private enum State {
        NEW,
        OPEN,
        CLOSED
    }

    private final List<String> offered;
    private State state = State.NEW;

    /** @param handshake the handshake request, whose {@code sec-websocket-protocol} fields it reads */
    public WebSocketActionOrder(Request handshake) {
        this.offered = handshake.headers().all("sec-websocket-protocol").stream()
                .flatMap(field -> Arrays.stream(field.split(",")))
                .map(String::strip)
                .filter(token -> !token.isEmpty())
                .toList();
    }

    @Override
    public synchronized Optional<Breach> check(Action action) {
        Optional<Breach> breach = breach(action);
        if (breach.isEmpty()) {
            switch (action) {
                case Action.WebSocketAccept accept -> state = State.OPEN;
                case Action.WebSocketDeny deny -> state = State.CLOSED;
                case Action.WebSocketClose close -> state = State.CLOSED;
                default -> {}
            }
        }
        return breach;
    }

    @Override
    public synchronized Optional<Breach> breach(Action action) {
        return switch (action) {
            case Action.WebSocketAccept accept -> acceptBreach(accept);
            case Action.WebSocketDeny deny ->
                state == State.NEW
                        ? Optional.empty()
                        : Breach.refusal("JGI-WS-13", "a WebSocketDeny after the handshake was answered");
            case Action.WebSocketSendText text -> messageBreach();
            case Action.WebSocketSendBinary binary -> messageBreach();
            case Action.WebSocketClose close -> closeBreach(close);
            case Action.ResponseStart http -> Breach.wrongKind(action, "a WebSocket exchange");
            case Action.ResponseBody http -> Breach.wrongKind(action, "a WebSocket exchange");
            case Action.ResponseFile http -> Breach.wrongKind(action, "a WebSocket exchange");
            case Action.ResponseTrailers http -> Breach.wrongKind(action, "a WebSocket exchange");
            case Action.EarlyHints http -> Breach.wrongKind(action, "a WebSocket exchange");
            case Action.Extension unknown -> Breach.unknown(unknown);
        };
    }

    private Optional<Breach> acceptBreach(Action.WebSocketAccept accept) {
        if (state != State.NEW) {
            return Breach.refusal("JGI-WS-13", "a WebSocketAccept after the handshake was answered");
        }
        if (accept.subprotocol().isPresent()
                && !offered.contains(accept.subprotocol().get())) {
            return Breach.refusal(
                    "JGI-WS-3",
                    "the client did not offer the subprotocol "
                            + accept.subprotocol().get() + "; it offered " + offered);
        }
        return Optional.empty();
    }

    private Optional<Breach> messageBreach() {
        return switch (state) {
            case NEW -> Breach.refusal("JGI-WS-12", "a message before the WebSocketAccept");
            case CLOSED -> Breach.refusal("JGI-WS-12", "a message after the connection was closed or denied");
            case OPEN -> Optional.empty();
        };
    }

    private Optional<Breach> closeBreach(Action.WebSocketClose close) {
        if (state == State.NEW) {
            return Breach.refusal(
                    "JGI-WS-13", "a WebSocketClose before the WebSocketAccept; deny the handshake instead");
        }
        if (state == State.CLOSED) {
            return Breach.refusal("JGI-WS-12", "a WebSocketClose after the connection was closed or denied");
        }
        if (!CloseCodes.sendable(close.code())) {
            return Breach.refusal(
                    "JGI-WS-8",
                    "close code " + close.code() + " may not be sent; use 1000-1003, 1007-1014 or 3000-4999");
        }
        if (close.reason().getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            return Breach.refusal("JGI-WS-8", "a close reason holds at most " + MAX_REASON_BYTES + " bytes of UTF-8");
        }
        return Optional.empty();
    }

    @Override
    public synchronized boolean ended() {
        return state == State.CLOSED;
    }

    @Override
    public synchronized Optional<Breach> unfinished() {
        return state == State.NEW
                ? Optional.of(new Breach(
                        "JGI-ASYNC-8", "the handle stage completed without answering the handshake", Duty.FAIL))
                : Optional.empty();
    }

    @Override
    public synchronized void abandon() {
        state = State.CLOSED;
    }
}
