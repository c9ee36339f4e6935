package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.util.UUID;

/**
 * Chapter 12 of the spec on trailers: where they travel and what they do to framing, and the
 * request's own trailers (chapter 4).
 */
class TrailerTests {

    @ServerTest
    @Requires(Capability.TRAILERS)
    @Clause("JGI-EXT-7")
    @Clause("JGI-EXT-1")
    void trailersMakeASizedBodyChunkedWithoutContentLength(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/trailers-sized"), "TE: trailers"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("with trailers");
        assertThat(response.trailers()).extracting(RawResponse.Field::value).containsExactly("abc123");
        if (probe.protocol() == Protocol.HTTP_1_1) {
            assertThat(response.framing()).as("framing of a body with trailers").isEqualTo(RawResponse.Framing.CHUNKED);
            assertThat(response.header("content-length"))
                    .as("content-length beside trailers, although the application set one")
                    .isEmpty();
        }
    }

    @ServerTest
    @Requires(Capability.TRAILERS)
    @Clause("JGI-EXT-8")
    void noTrailersOnAResponseToHead(Probe probe) {
        String key = UUID.randomUUID().toString();
        RawResponse response = probe.exchange(probe.head("HEAD", probe.path("/_tck/trailers-counted/" + key)));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.trailers()).as("trailers on a response to HEAD").isEmpty();
        assertDropped(probe, key);
    }

    @ServerTest
    @Requires(Capability.TRAILERS)
    @Http1Only("HTTP/1.0 exists only as an HTTP/1.x request line")
    @Clause("JGI-EXT-8")
    void noTrailersTowardAnHttp10Client(Probe probe) {
        String key = UUID.randomUUID().toString();
        try (RawConnection connection = probe.connect()) {
            RawResponse response = connection
                    .send(probe.head("GET", probe.path("/_tck/trailers-counted/" + key))
                            .replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n"))
                    .readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.framing()).as("framing toward HTTP/1.0").isNotEqualTo(RawResponse.Framing.CHUNKED);
            assertThat(response.bodyText()).isEqualTo("with trailers");
            assertThat(response.trailers()).isEmpty();
        }
        assertDropped(probe, key);
    }

    /** The sync probe's supplier was never called; the async probe's trailers stage completed normally. */
    private static void assertDropped(Probe probe, String key) {
        var log = probe.log(key, 1);
        assertThat(log).as("what the probe recorded").contains("handled");
        assertThat(log)
                .as("a supplier called although its trailers cannot travel")
                .doesNotContain("supplier called");
        if (log.stream().anyMatch(e -> e.startsWith("trailers stage"))) {
            assertThat(log).contains("trailers stage ok");
        } else if (log.size() == 1) {
            // The async probe records its stage as the response ends; give it that moment.
            assertThat(probe.log(key, 2)).doesNotContain("supplier called", "trailers stage failed");
        }
    }

    @ServerTest
    @Requires(Capability.TRAILERS)
    @Clause("JGI-EXT-9")
    void trailersTravelWithoutTeTrailers(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/trailers")));
        assertThat(response.bodyText()).isEqualTo("with trailers");
        assertThat(response.trailers())
                .as("trailers to a client that sent no TE: trailers")
                .extracting(RawResponse.Field::value)
                .containsExactly("abc123");
        RawResponse echoed = probe.exchange(probe.head("GET", probe.path("/_tck/echo"), "TE: trailers"));
        assertThat(probe.echo(echoed).header("te")).as("the request's te field").containsExactly("trailers");
    }

    @ServerTest
    @Clause("JGI-BODY-14")
    @Clause("JGI-BODY-2")
    void requestTrailersReachTheApplicationAfterTheBody(Probe probe) {
        RawResponse response =
                probe.exchange(probe.head("POST", probe.path("/_tck/request-trailers"), "Transfer-Encoding: chunked")
                        + "5\r\nhello\r\n0\r\nX-Sum: 42\r\nX-Count: 1\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        // Fields of different names may come in any order (JGI-HDR-9 is a SHOULD).
        assertThat(response.bodyText())
                .as("trailers before the body, the body, trailers after it")
                .startsWith("before=0 body=hello ")
                .contains(" x-sum: 42", " x-count: 1")
                .hasSize("before=0 body=hello x-sum: 42 x-count: 1".length());
    }

    @ServerTest
    @Clause("JGI-BODY-14")
    void aRequestWithoutTrailersHasNone(Probe probe) {
        RawResponse response =
                probe.exchange(probe.head("POST", probe.path("/_tck/request-trailers"), "Content-Length: 5") + "hello");
        assertThat(response.bodyText()).isEqualTo("before=0 body=hello");
    }
}
