package dev.jgi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestCapabilitiesTest {

    private static final Set<Capability> ALL = EnumSet.allOf(Capability.class);

    @Test
    void plainHttp1HoldsEveryDeclaredCapability() {
        assertThat(RequestCapabilities.of(ALL, false, false)).isEqualTo(ALL);
    }

    @Test
    void http2HoldsNeitherEarlyHintsNorWebSocketNorZeroCopy() {
        assertThat(RequestCapabilities.of(ALL, true, false))
                .doesNotContain(Capability.EARLY_HINTS, Capability.WEBSOCKET, Capability.FILE_SENDING)
                .contains(Capability.TRAILERS, Capability.HTTP2, Capability.DISCONNECT_SIGNAL);
    }

    @Test
    void tlsLeavesOutOnlyZeroCopy() {
        assertThat(RequestCapabilities.of(ALL, false, true))
                .isEqualTo(EnumSet.complementOf(EnumSet.of(Capability.FILE_SENDING)));
    }

    @Test
    void nothingUndeclaredIsHeld() {
        assertThat(RequestCapabilities.of(Set.of(), false, false)).isEmpty();
        assertThat(RequestCapabilities.of(Set.of(Capability.TRAILERS), true, true))
                .containsExactly(Capability.TRAILERS);
    }

    @Test
    void theTableGivesEachTransportItsOwnAnswer() {
        RequestCapabilities table = new RequestCapabilities(ALL);
        for (boolean http2 : new boolean[] {false, true}) {
            for (boolean tls : new boolean[] {false, true}) {
                assertThat(table.held(http2, tls)).isEqualTo(RequestCapabilities.of(ALL, http2, tls));
            }
        }
    }
}
