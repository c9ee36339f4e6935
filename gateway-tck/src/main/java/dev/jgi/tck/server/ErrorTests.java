package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.wire.ConnectionState;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.time.Duration;

/** Chapter 8 of the spec: application failures. */
class ErrorTests {

    @ServerTest
    @Clause("JGI-ERR-1")
    @Clause("JGI-ERR-5")
    void failureBeforeTheResponseGives500WithoutDetails(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/fail-before")));
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.bodyText())
                .doesNotContain("provoked by the TCK")
                .doesNotContain("Exception")
                .doesNotContain("at dev.");
    }

    @ServerTest
    @Clause("JGI-ERR-2")
    @Clause("JGI-ERR-5")
    void failureMidBodyAbortsSoTheClientCanTell(Probe probe) {
        // Over HTTP/1.1 the connection closes short of the body's end, over HTTP/2 the stream is reset.
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/fail-mid-body")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.end()).as("how the body ended").isEqualTo(RawResponse.End.CLOSED_EARLY);
    }

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-ERR-6")
    @Clause("JGI-ASYNC-7")
    void asyncHandleEndingBeforeAResponseGives500(Probe probe) {
        assertThat(probe.exchange(probe.head("GET", probe.path("/_tck/complete-early")))
                        .status())
                .isEqualTo(500);
    }

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-ERR-6")
    void asyncHandleEndingMidBodyAborts(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/complete-mid")));
        assertThat(response.end()).isEqualTo(RawResponse.End.CLOSED_EARLY);
    }

    @Http1Only("keeps one HTTP/1.1 connection across a failed exchange; HTTP/2 streams are independent by design")
    @ServerTest
    @Clause("JGI-ERR-7")
    void oneFailureLeavesOtherExchangesAlone(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            assertThat(connection
                            .send(probe.head("GET", probe.path("/_tck/fail-before")))
                            .readResponse()
                            .status())
                    .isEqualTo(500);
            if (connection.awaitState(Duration.ofMillis(100)) == ConnectionState.OPEN) {
                connection.send(probe.head("GET", "/same-connection"));
                assertThat(probe.echo(connection.readResponse()).path()).isEqualTo("/same-connection");
            }
        }
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/other-connection")))
                        .path())
                .isEqualTo("/other-connection");
    }
}
