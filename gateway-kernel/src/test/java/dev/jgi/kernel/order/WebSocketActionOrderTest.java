package dev.jgi.kernel.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WebSocketActionOrderTest {

    private static final Action ACCEPT = new Action.WebSocketAccept(Optional.empty(), Headers.of());
    private static final Action DENY = new Action.WebSocketDeny(403, Headers.of(), ByteBuffer.allocate(0));
    private static final Action TEXT = new Action.WebSocketSendText("hi");
    private static final Action BINARY = new Action.WebSocketSendBinary(ByteBuffer.allocate(2));
    private static final Action CLOSE = new Action.WebSocketClose(1000, "bye");

    private final WebSocketActionOrder order = new WebSocketActionOrder(handshake(Headers.of()));

    @Test
    void acceptThenMessagesThenOneCloseIsInOrder() {
        assertThat(order.unfinished()).map(Breach::clause).contains("JGI-ASYNC-8");
        assertThat(order.check(ACCEPT)).isEmpty();
        assertThat(order.unfinished()).isEmpty();
        assertThat(order.check(TEXT)).isEmpty();
        assertThat(order.check(BINARY)).isEmpty();
        assertThat(order.ended()).isFalse();
        assertThat(order.check(CLOSE)).isEmpty();
        assertThat(order.ended()).isTrue();
    }

    @Test
    void theHandshakeIsAnsweredOnce() {
        order.check(ACCEPT);

        assertThat(order.check(ACCEPT)).map(Breach::clause).contains("JGI-WS-13");
        assertThat(order.check(DENY)).map(Breach::clause).contains("JGI-WS-13");
    }

    @Test
    void aDenyEndsTheExchange() {
        assertThat(order.check(DENY)).isEmpty();

        assertThat(order.ended()).isTrue();
        assertThat(order.check(ACCEPT)).map(Breach::clause).contains("JGI-WS-13");
        assertThat(order.check(TEXT))
                .map(Breach::reason)
                .contains("a message after the connection was closed or denied");
        assertThat(order.check(CLOSE)).map(Breach::clause).contains("JGI-WS-12");
    }

    @Test
    void messagesBeforeTheAcceptAreRefusedNamingJgiWs12() {
        assertThat(order.check(TEXT))
                .map(Breach::message)
                .contains("[JGI-WS-12] a message before the WebSocketAccept (JGI-ASYNC-5)");
        assertThat(order.check(BINARY)).map(Breach::clause).contains("JGI-WS-12");
        assertThat(order.check(ACCEPT)).isEmpty();
    }

    @Test
    void aCloseBeforeTheAcceptIsRefusedNamingJgiWs13() {
        assertThat(order.check(CLOSE)).map(Breach::clause).contains("JGI-WS-13");
    }

    @Test
    void nothingButRefusalsAfterTheClose() {
        order.check(ACCEPT);
        order.check(CLOSE);

        assertThat(order.check(TEXT)).map(Breach::clause).contains("JGI-WS-12");
        assertThat(order.check(CLOSE)).map(Breach::clause).contains("JGI-WS-12");
    }

    @Test
    void aSubprotocolMustHaveBeenOffered() {
        WebSocketActionOrder offering = new WebSocketActionOrder(
                handshake(Headers.of("sec-websocket-protocol", "chat, json", "sec-websocket-protocol", "wamp")));

        Breach breach = offering.check(new Action.WebSocketAccept(Optional.of("mqtt"), Headers.of()))
                .orElseThrow();

        assertThat(breach.clause()).isEqualTo("JGI-WS-3");
        assertThat(breach.message()).startsWith("[JGI-WS-3] the client did not offer the subprotocol mqtt");
        assertThat(offering.check(new Action.WebSocketAccept(Optional.of("wamp"), Headers.of())))
                .isEmpty();
    }

    @Test
    void eachOfferedSubprotocolMayBeChosen() {
        for (String chosen : new String[] {"chat", "json"}) {
            WebSocketActionOrder offering =
                    new WebSocketActionOrder(handshake(Headers.of("sec-websocket-protocol", "chat,json")));
            assertThat(offering.check(new Action.WebSocketAccept(Optional.of(chosen), Headers.of())))
                    .isEmpty();
        }
    }

    @Test
    void anEmptyListElementOffersNoSubprotocol() {
        WebSocketActionOrder offering =
                new WebSocketActionOrder(handshake(Headers.of("sec-websocket-protocol", "chat, ,")));
        assertThat(offering.check(new Action.WebSocketAccept(Optional.of(""), Headers.of())))
                .map(Breach::clause)
                .contains("JGI-WS-3");
    }

    @Test
    void noSubprotocolMayBeChosenWhenNoneWasOffered() {
        assertThat(order.check(new Action.WebSocketAccept(Optional.of("chat"), Headers.of())))
                .map(Breach::clause)
                .contains("JGI-WS-3");
    }

    @Test
    void aCloseCodeAnApplicationMayNotSendIsRefusedNamingJgiWs8() {
        order.check(ACCEPT);

        for (int code : new int[] {999, 1004, 1005, 1006, 1015, 2000, 5000}) {
            assertThat(order.check(new Action.WebSocketClose(code, "")))
                    .as("code %d", code)
                    .map(Breach::clause)
                    .contains("JGI-WS-8");
        }
        assertThat(order.ended()).isFalse();
    }

    @Test
    void aCloseReasonHoldsAtMost123BytesOfUtf8() {
        order.check(ACCEPT);

        assertThat(order.check(new Action.WebSocketClose(1000, "é".repeat(62))))
                .map(Breach::clause)
                .contains("JGI-WS-8");
        assertThat(order.check(new Action.WebSocketClose(1000, "é".repeat(61) + "x")))
                .isEmpty();
    }

    @Test
    void httpActionsAreOutOfOrderOnAWebSocketExchange() {
        Action[] http = {
            new Action.ResponseStart(200, Headers.of(), false),
            Action.ResponseBody.end(),
            new Action.ResponseFile(Path.of("f"), 0, OptionalLong.empty(), false),
            new Action.ResponseTrailers(Headers.of()),
            new Action.EarlyHints(Headers.of())
        };
        for (Action action : http) {
            assertThat(order.check(action))
                    .map(Breach::message)
                    .contains("[JGI-ASYNC-5] " + action.getClass().getSimpleName() + " on a WebSocket exchange");
        }
    }

    @Test
    void breachTellsWithoutMovingTheExchangeOn() {
        assertThat(order.breach(ACCEPT)).isEmpty();
        assertThat(order.breach(TEXT)).map(Breach::clause).contains("JGI-WS-12");
        assertThat(order.check(ACCEPT)).isEmpty();
        assertThat(order.breach(CLOSE)).isEmpty();
        assertThat(order.ended()).isFalse();
    }

    @Test
    void anAbandonedExchangeRefusesMessages() {
        order.check(ACCEPT);
        order.abandon();

        assertThat(order.ended()).isTrue();
        assertThat(order.check(TEXT)).map(Breach::clause).contains("JGI-WS-12");
    }

    @Test
    void theOrderFollowsTheKindOfTheRequest() {
        Request websocket = handshake(Headers.of());
        Request http = Request.builder()
                .method("GET")
                .scheme("http")
                .version("HTTP/1.1")
                .target(websocket.target())
                .headers(Headers.of())
                .client(websocket.client())
                .server(websocket.server())
                .build();

        assertThat(ActionOrder.of(websocket, EnumSet.noneOf(Capability.class)))
                .isInstanceOf(WebSocketActionOrder.class);
        assertThat(ActionOrder.of(http, EnumSet.noneOf(Capability.class))).isInstanceOf(HttpActionOrder.class);
    }

    static Request handshake(Headers headers) {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 8080);
        return Request.builder()
                .method("GET")
                .scheme("http")
                .version("HTTP/1.1")
                .target(RequestTarget.of("/chat", "/chat", "/chat", Optional.empty()))
                .headers(headers)
                .client(address)
                .server(address)
                .kind(Request.Kind.WEBSOCKET)
                .build();
    }
}
