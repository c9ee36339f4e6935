package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.spi.Protocol;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;

/** Section 9.2 of the spec: the capabilities a server declares and those each request holds. */
class CapabilityTests {

    @ServerTest
    @Clause("JGI-CAP-6")
    void aRequestHoldsTheDeclaredCapabilitiesItsProtocolCarries(Probe probe) {
        // This protocol's deployment is a server of its own, which declares what it offers itself.
        Set<String> declared = new TreeSet<>();
        RawResponseJson.of(probe, "/_tck/info").json().path("capabilities").forEach(c -> declared.add(c.asText()));
        List<String> held = probe.requestCapabilities();
        assertThat(held)
                .as("Request.capabilities, within ServerInfo.capabilities")
                .isSubsetOf(declared);
        if (probe.protocol() == Protocol.HTTP_1_1) {
            // HTTP/1.1 carries a 103 and a trailer section: a server that declares them has no
            // transport reason to leave them out there.
            for (String carried : List.of("EARLY_HINTS", "TRAILERS")) {
                if (declared.contains(carried)) {
                    assertThat(held).as("a declared %s over HTTP/1.1", carried).contains(carried);
                }
            }
        }
    }

    @ServerTest
    @Clause("JGI-CAP-5")
    void earlyHintsTheRequestLacksAreRefused(Probe probe) {
        Assumptions.assumeFalse(
                probe.requestCapabilities().contains("EARLY_HINTS"),
                "requests over " + probe.protocol().token() + " hold EARLY_HINTS");
        var response = probe.exchange(probe.head("GET", probe.path("/_tck/early-hints")));
        assertThat(response.interim()).isEmpty();
        assertThat(response.bodyText()).isEqualTo("early hints sent: false");
    }
}
