package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.util.EnumSet;
import java.util.Set;

/** Chapter 12 of the spec: optional capabilities, run only when the server declares them. */
class ExtensionTests {

    private static final Set<Variant> SYNC_PROBES =
            EnumSet.of(Variant.SYNC, Variant.MOUNTED, Variant.ADAPTED_SYNC, Variant.SECURE);

    @ServerTest
    @Requires(Capability.TRAILERS)
    @Clause("JGI-EXT-1")
    void trailersFollowAChunkedBody(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/trailers"), "TE: trailers"));
        // Over HTTP/2 a content-length may stand beside trailers (RFC 9113 §8.1.1): JGI-EXT-7 binds HTTP/1.1.
        if (probe.protocol() == Protocol.HTTP_1_1) {
            assertThat(response.framing()).isEqualTo(RawResponse.Framing.CHUNKED);
        }
        assertThat(response.bodyText()).isEqualTo("with trailers");
        assertThat(response.trailers()).extracting(RawResponse.Field::value).containsExactly("abc123");
    }

    @ServerTest
    @Requires(Capability.EARLY_HINTS)
    @Clause("JGI-EXT-3")
    @Clause("JGI-EXT-11")
    void earlyHintsComeAs103BeforeTheFinalResponse(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/early-hints")));
        assertThat(response.interim()).extracting(RawResponse::status).containsExactly(103);
        assertThat(response.interim().getFirst().header("link")).isPresent();
        assertThat(response.bodyText()).isEqualTo("early hints sent: true");
    }

    @ServerTest
    @Requires(Capability.EARLY_HINTS)
    @Http1Only("HTTP/1.0 exists only as an HTTP/1.x request line")
    @Clause("JGI-EXT-3")
    @Clause("JGI-EXT-11")
    void noEarlyHintsTowardAnHttp10Client(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            RawResponse old = connection
                    .send(probe.head("GET", probe.path("/_tck/early-hints")).replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n"))
                    .readResponse();
            assertThat(old.interim()).as("103 toward an HTTP/1.0 client").isEmpty();
            // The async probe's EarlyHints completes normally either way [JGI-EXT-3]; sendEarlyHints says false.
            if (SYNC_PROBES.contains(probe.variant())) {
                assertThat(old.bodyText()).isEqualTo("early hints sent: false");
            }
        }
    }
}
