package dev.jgi.kernel.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.Capability;
import dev.jgi.api.Headers;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpActionOrderTest {

    private static final Action START = new Action.ResponseStart(200, Headers.of(), false);
    private static final Action START_WITH_TRAILERS = new Action.ResponseStart(200, Headers.of(), true);
    private static final Action PIECE = new Action.ResponseBody(ByteBuffer.wrap(new byte[] {1}), true);
    private static final Action LAST = Action.ResponseBody.end();
    private static final Action FILE = new Action.ResponseFile(Path.of("f"), 0, OptionalLong.empty(), false);
    private static final Action TRAILERS = new Action.ResponseTrailers(Headers.of("x-sum", "1"));
    private static final Action HINTS = new Action.EarlyHints(Headers.of("link", "</a.css>"));

    private final HttpActionOrder order = new HttpActionOrder(EnumSet.allOf(Capability.class));

    @Test
    void startThenBodyPiecesUpToTheLastIsInOrder() {
        assertThat(order.check(HINTS)).isEmpty();
        assertThat(order.check(START)).isEmpty();
        assertThat(order.check(PIECE)).isEmpty();
        assertThat(order.ended()).isFalse();
        assertThat(order.check(FILE)).isEmpty();
        assertThat(order.ended()).isTrue();
        assertThat(order.unfinished()).isEmpty();
    }

    @Test
    void aBodyActionBeforeTheStartIsRefusedNamingJgiAsync3() {
        Breach breach = order.check(PIECE).orElseThrow();

        assertThat(breach.clause()).isEqualTo("JGI-ASYNC-3");
        assertThat(breach.duty()).isEqualTo(Duty.REFUSE);
        assertThat(breach.mustRefuse()).isTrue();
        assertThat(breach.exception())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("[JGI-ASYNC-3] a body action before the ResponseStart (JGI-ASYNC-5)");
        assertThat(order.check(FILE)).map(Breach::clause).contains("JGI-ASYNC-3");
    }

    @Test
    void aRefusedActionLeavesTheExchangeWhereItWas() {
        order.check(PIECE);

        assertThat(order.check(START)).isEmpty();
        assertThat(order.check(LAST)).isEmpty();
        assertThat(order.ended()).isTrue();
    }

    @Test
    void aSecondStartIsRefused() {
        order.check(START);

        assertThat(order.check(START))
                .map(Breach::message)
                .contains("[JGI-ASYNC-3] a second ResponseStart (JGI-ASYNC-5)");
    }

    @Test
    void aBodyActionAfterTheLastIsRefusedNamingJgiAsync4() {
        order.check(START);
        order.check(LAST);

        assertThat(order.check(PIECE)).map(Breach::clause).contains("JGI-ASYNC-4");
        assertThat(order.check(FILE)).map(Breach::clause).contains("JGI-ASYNC-4");
        assertThat(order.check(START)).map(Breach::reason).contains("a ResponseStart after the response ended");
    }

    @Test
    void announcedTrailersComeOnceAfterTheLastBodyAction() {
        order.check(START_WITH_TRAILERS);
        assertThat(order.check(TRAILERS)).map(Breach::reason).contains("ResponseTrailers before the last body action");

        order.check(LAST);
        assertThat(order.ended()).isFalse();
        assertThat(order.check(PIECE)).map(Breach::clause).contains("JGI-ASYNC-4");
        assertThat(order.check(TRAILERS)).isEmpty();
        assertThat(order.ended()).isTrue();
        assertThat(order.check(TRAILERS)).map(Breach::reason).contains("ResponseTrailers after the response ended");
    }

    @Test
    void trailersTheStartDidNotAnnounceAreRefusedNamingJgiExt6() {
        order.check(START);
        order.check(LAST);

        Breach breach = order.check(TRAILERS).orElseThrow();

        assertThat(breach.clause()).isEqualTo("JGI-EXT-6");
        assertThat(breach.message())
                .isEqualTo("[JGI-EXT-6] ResponseTrailers the ResponseStart did not announce (JGI-ASYNC-5)");
    }

    @Test
    void earlyHintsAfterTheStartAreNeverSentButNeedNotBeRefused() {
        order.check(START);

        Breach breach = order.check(HINTS).orElseThrow();

        assertThat(breach.clause()).isEqualTo("JGI-EXT-5");
        assertThat(breach.duty()).isEqualTo(Duty.NOT_SENT);
        assertThat(breach.mustRefuse()).isFalse();
        assertThat(breach.message()).isEqualTo("[JGI-EXT-3] EarlyHints after the ResponseStart (JGI-EXT-5)");
    }

    @Test
    void actionsNeedingAnUndeclaredCapabilityAreRefusedNamingJgiCap5() {
        HttpActionOrder bare = new HttpActionOrder(Set.of());

        for (Action action : new Action[] {HINTS, START_WITH_TRAILERS, TRAILERS}) {
            Breach breach = bare.check(action).orElseThrow();
            assertThat(breach.clause()).as("%s", action).isEqualTo("JGI-CAP-3");
            assertThat(breach.duty()).isEqualTo(Duty.REFUSE_UNDECLARED);
            assertThat(breach.message()).startsWith("[JGI-CAP-5] ").endsWith(" (JGI-CAP-3)");
        }
        assertThat(bare.check(START)).isEmpty();
        assertThat(bare.check(LAST)).isEmpty();
    }

    @Test
    void theCapabilityIsCheckedBeforeTheOrder() {
        HttpActionOrder bare = new HttpActionOrder(EnumSet.of(Capability.WEBSOCKET));

        bare.check(START);
        assertThat(bare.check(HINTS)).map(Breach::clause).contains("JGI-CAP-3");
    }

    @Test
    void aFileNeedsNoCapability() {
        HttpActionOrder bare = new HttpActionOrder(EnumSet.noneOf(Capability.class));

        assertThat(bare.check(FILE)).map(Breach::clause).contains("JGI-ASYNC-3");
        assertThat(bare.check(START)).isEmpty();
        assertThat(bare.check(FILE)).isEmpty();
        assertThat(bare.ended()).isTrue();
    }

    @Test
    void eachCapabilityOpensOnlyItsOwnActions() {
        HttpActionOrder files = new HttpActionOrder(EnumSet.of(Capability.FILE_SENDING));

        assertThat(files.check(HINTS)).map(Breach::duty).contains(Duty.REFUSE_UNDECLARED);
        assertThat(files.check(START)).isEmpty();
        assertThat(files.check(FILE)).isEmpty();
    }

    @Test
    void webSocketActionsAreOutOfOrderOnAnHttpExchange() {
        Action[] webSocket = {
            new Action.WebSocketAccept(Optional.empty(), Headers.of()),
            new Action.WebSocketDeny(403, Headers.of(), ByteBuffer.allocate(0)),
            new Action.WebSocketSendText("hi"),
            new Action.WebSocketSendBinary(ByteBuffer.allocate(1)),
            new Action.WebSocketClose(1000, "")
        };
        for (Action action : webSocket) {
            assertThat(order.check(action))
                    .map(Breach::message)
                    .contains("[JGI-ASYNC-5] " + action.getClass().getSimpleName() + " on an HTTP exchange");
        }
    }

    @Test
    void whatAnApplicationLeftUndoneIsAFailure() {
        assertThat(order.unfinished()).map(Breach::clause).contains("JGI-ASYNC-8");
        order.check(START_WITH_TRAILERS);
        assertThat(order.unfinished()).map(Breach::clause).contains("JGI-ASYNC-8");
        order.check(LAST);

        Breach missing = order.unfinished().orElseThrow();

        assertThat(missing.clause()).isEqualTo("JGI-EXT-6");
        assertThat(missing.duty()).isEqualTo(Duty.FAIL);
        assertThat(missing.mustRefuse()).isFalse();
        assertThat(missing.message()).startsWith("[JGI-ERR-6] ");
    }

    @Test
    void anAbandonedExchangeRefusesEverythingAfter() {
        order.check(START);
        order.abandon();

        assertThat(order.ended()).isTrue();
        assertThat(order.unfinished()).isEmpty();
        assertThat(order.check(PIECE)).map(Breach::clause).contains("JGI-ASYNC-4");
    }

    @Test
    void breachTellsWithoutMovingTheExchangeOn() {
        assertThat(order.breach(START)).isEmpty();
        assertThat(order.breach(START)).isEmpty();
        assertThat(order.breach(LAST)).map(Breach::clause).contains("JGI-ASYNC-3");

        order.check(START);
        assertThat(order.breach(START)).map(Breach::clause).contains("JGI-ASYNC-3");
        assertThat(order.breach(LAST)).isEmpty();
        assertThat(order.ended()).isFalse();
    }

    @Test
    void theDeclaredSetIsCopied() {
        Set<Capability> declared = EnumSet.of(Capability.FILE_SENDING);
        HttpActionOrder copy = new HttpActionOrder(declared);
        declared.clear();

        copy.check(START);
        assertThat(copy.check(FILE)).isEmpty();
    }

    @Test
    void theServerMustRefuseExactlyTheRefusalsAndTheUndeclaredCapabilities() {
        assertThat(new Breach("JGI-ASYNC-3", "r", Duty.REFUSE).mustRefuse()).isTrue();
        assertThat(new Breach("JGI-CAP-3", "r", Duty.REFUSE_UNDECLARED).mustRefuse())
                .isTrue();
        assertThat(new Breach("JGI-EXT-3", "r", Duty.NOT_SENT).mustRefuse()).isFalse();
        assertThat(new Breach("JGI-ERR-6", "r", Duty.FAIL).mustRefuse()).isFalse();
    }
}
