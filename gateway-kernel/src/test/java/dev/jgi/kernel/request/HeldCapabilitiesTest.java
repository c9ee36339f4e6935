package dev.jgi.kernel.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Capability;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeldCapabilitiesTest {

    private static final Set<Capability> DECLARED =
            Set.of(Capability.TRAILERS, Capability.WEBSOCKET, Capability.EARLY_HINTS);

    @Test
    void theTransportsMissingCapabilitiesAreRemoved() {
        assertThat(HeldCapabilities.of(DECLARED, Set.of(Capability.WEBSOCKET, Capability.FILE_SENDING)))
                .containsExactlyInAnyOrder(Capability.TRAILERS, Capability.EARLY_HINTS);
    }

    @Test
    void nothingMissingKeepsTheDeclaredSetWithoutACopy() {
        assertThat(HeldCapabilities.of(DECLARED, Set.of(Capability.FILE_SENDING)))
                .isSameAs(DECLARED);
        assertThat(HeldCapabilities.of(DECLARED, Set.of())).isSameAs(DECLARED);
    }

    @Test
    void aModifiableDeclaredSetIsCopiedAndTheAnswerIsUnmodifiable() {
        EnumSet<Capability> declared = EnumSet.of(Capability.TRAILERS);
        Set<Capability> held = HeldCapabilities.of(declared, Set.of());
        declared.add(Capability.WEBSOCKET);
        assertThat(held).containsExactly(Capability.TRAILERS);
        assertThatThrownBy(() -> held.add(Capability.WEBSOCKET)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> HeldCapabilities.of(DECLARED, Set.of(Capability.WEBSOCKET))
                        .add(Capability.WEBSOCKET))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
