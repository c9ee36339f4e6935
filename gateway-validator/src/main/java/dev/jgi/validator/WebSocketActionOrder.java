package dev.jgi.validator;

import dev.jgi.api.Action;
import dev.jgi.api.Request;
import java.util.Arrays;
import java.util.Optional;

/**
 * The order of WebSocket actions: one accept or deny [JGI-WS-3] [JGI-WS-4], then messages and one
 * close [JGI-WS-12] with a code the application may send [JGI-WS-8].
 */
final class WebSocketActionOrder implements ActionOrder {

    private static final Optional<String> REFUSE = Optional.of("JGI-ASYNC-5");

    private enum State {
        NEW,
        OPEN,
        CLOSED
    }

    private final Optional<String> offered;
    private final Reporter reporter;
    private State state = State.NEW;

    WebSocketActionOrder(Request request, Reporter reporter) {
        this.offered = request.headers().first("sec-websocket-protocol");
        this.reporter = reporter;
    }

    @Override
    public synchronized Optional<String> check(Action action) {
        return switch (action) {
            case Action.WebSocketAccept accept -> {
                if (state != State.NEW) {
                    yield fault("JGI-WS-13", "a WebSocketAccept after the handshake was answered");
                }
                if (accept.subprotocol().isPresent()
                        && !offered(accept.subprotocol().get())) {
                    yield fault(
                            "JGI-WS-3", "subprotocol " + accept.subprotocol().get() + " was not offered by the client");
                }
                state = State.OPEN;
                yield Optional.empty();
            }
            case Action.WebSocketDeny deny -> {
                if (state != State.NEW) {
                    yield fault("JGI-WS-13", "a WebSocketDeny after the handshake was answered");
                }
                ResponseHead.check(deny.status(), deny.headers(), reporter);
                state = State.CLOSED;
                yield Optional.empty();
            }
            case Action.WebSocketSendText text -> message();
            case Action.WebSocketSendBinary binary -> message();
            case Action.WebSocketClose close -> {
                if (state == State.NEW) {
                    yield fault("JGI-WS-13", "a WebSocketClose before the accept; deny the handshake instead");
                }
                if (state == State.CLOSED) {
                    yield fault("JGI-WS-12", "a second WebSocketClose");
                }
                if (!validCloseCode(close.code())) {
                    yield fault("JGI-WS-8", "close code " + close.code() + " may not be sent by an application");
                }
                state = State.CLOSED;
                yield Optional.empty();
            }
            default -> fault("JGI-ASYNC-5", action.getClass().getSimpleName() + " on a WebSocket exchange");
        };
    }

    private Optional<String> message() {
        return switch (state) {
            case NEW -> fault("JGI-WS-12", "a message before the WebSocketAccept");
            case CLOSED -> fault("JGI-WS-12", "a message after the connection was closed or denied");
            case OPEN -> Optional.empty();
        };
    }

    @Override
    public synchronized void atEnd() {
        if (state == State.NEW) {
            reporter.report(Violation.byApplication(
                    "JGI-ASYNC-8", "the handle stage completed without answering the handshake"));
        }
    }

    private boolean offered(String subprotocol) {
        return offered.stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .anyMatch(offer -> offer.strip().equals(subprotocol));
    }

    /** [JGI-WS-8] */
    static boolean validCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }

    private Optional<String> fault(String clause, String message) {
        reporter.report(Violation.byApplication(clause, message));
        return REFUSE;
    }
}
