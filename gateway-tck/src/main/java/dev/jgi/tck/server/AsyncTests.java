package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.wire.RawResponse;
import java.util.UUID;

/** Chapter 10 of the spec: what the server does with async actions. */
class AsyncTests {

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-ASYNC-5")
    void actionOutOfOrderFailsNamingTheClauseAndSendsNothing(Probe probe) {
        String key = UUID.randomUUID().toString();
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/out-of-order/" + key)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("in order");
        assertThat(probe.log(key, 1))
                .singleElement()
                .asString()
                .startsWith("IllegalStateException")
                .contains("JGI-");
    }

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-EVO-3")
    void unknownExtensionActionFailsNamingTheClauseAndTheExchangeGoesOn(Probe probe) {
        String key = UUID.randomUUID().toString();
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/unknown-action/" + key)));
        assertThat(response.status())
                .as("the exchange goes on after the refusal")
                .isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("in order");
        assertThat(probe.log(key, 1))
                .singleElement()
                .asString()
                .startsWith("IllegalStateException")
                .contains("JGI-EVO-3");
    }
}
