package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Echo;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.probe.ProbeFiles;
import dev.jgi.tck.wire.ConnectionState;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Section 5.1 and 5.2 of the spec: how the server frames what the application answers. */
class ResponseFramingTests {

    private static final Duration QUIET = Duration.ofMillis(300);

    @ServerTest
    @Clause("JGI-FRAME-2")
    @Clause("JGI-BODYOUT-1")
    void knownLengthBodyIsSentWithItsContentLength(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/bytes/11")));
        assertThat(response.framing()).isEqualTo(RawResponse.Framing.CONTENT_LENGTH);
        assertThat(response.header("content-length")).contains("11");
        assertThat(response.bodyText()).isEqualTo("abcdefghijk");
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-BODYOUT-1")
    void textBodyIsEncodedInItsCharset(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/text")));
        byte[] expected = "h\u00e9llo \u2603".getBytes(StandardCharsets.UTF_8);
        assertThat(response.body()).isEqualTo(expected);
        assertThat(response.header("content-length")).contains(Integer.toString(expected.length));
    }

    @Http1Only("chunked transfer coding is HTTP/1.1 framing; HTTP/2 frames every body")
    @ServerTest
    @Clause("JGI-FRAME-1")
    @Clause("JGI-FRAME-3")
    void unknownLengthBodyIsChunkedForHttp11(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/stream/3000")));
        assertThat(response.framing()).isEqualTo(RawResponse.Framing.CHUNKED);
        assertThat(response.complete()).isTrue();
        assertThat(response.body()).hasSize(3000);
        assertThat(response.body()[2999]).isEqualTo((byte) ('a' + 2999 % 26));
    }

    @Http1Only("HTTP/1.0 requests exist only in HTTP/1.x")
    @ServerTest
    @Clause("JGI-FRAME-3")
    void unknownLengthBodyIsNotChunkedForHttp10(Probe probe) {
        String request = probe.head("GET", probe.path("/_tck/stream/3000")).replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n");
        try (RawConnection connection = probe.connect()) {
            RawResponse response = connection.send(request).readResponse();
            assertThat(response.header("transfer-encoding"))
                    .as("transfer-encoding toward HTTP/1.0")
                    .isEmpty();
            assertThat(response.body()).hasSize(3000);
        }
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (checks that no bytes follow the head on the connection)")
    @ServerTest
    @Clause("JGI-FRAME-4")
    void headResponseHasNoBody(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            RawResponse response = connection
                    .send(probe.head("HEAD", probe.path("/_tck/bytes/11"), "Connection: close"))
                    .readResponse("HEAD");
            assertThat(response.status()).isEqualTo(200);
            assertThat(connection.drain(QUIET))
                    .as("bytes after the HEAD response")
                    .isEmpty();
        }
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (checks that no bytes follow the head on the connection)")
    @ServerTest
    @Clause("JGI-FRAME-4")
    void noContentAndNotModifiedHaveNoBody(Probe probe) {
        for (int status : new int[] {204, 304}) {
            try (RawConnection connection = probe.connect()) {
                RawResponse response = connection
                        .send(probe.head("GET", probe.path("/_tck/status/" + status), "Connection: close"))
                        .readResponse();
                assertThat(response.status()).isEqualTo(status);
                assertThat(response.header("transfer-encoding"))
                        .as("chunked framing on %d", status)
                        .isEmpty();
                assertThat(connection.drain(QUIET))
                        .as("bytes after the %d response", status)
                        .isEmpty();
            }
        }
    }

    @ServerTest
    @Clause("JGI-FRAME-10")
    void headCarriesTheHeaderFieldsOfGet(Probe probe) {
        RawResponse get = probe.exchange(probe.head("GET", probe.path("/_tck/cookies")));
        RawResponse head = probe.exchange(probe.head("HEAD", probe.path("/_tck/cookies")));
        assertThat(head.status()).isEqualTo(get.status());
        assertThat(head.headers("set-cookie")).isEqualTo(get.headers("set-cookie"));
        assertThat(head.header("content-type")).isEqualTo(get.header("content-type"));
        head.header("content-length")
                .ifPresent(length -> assertThat(length).isEqualTo(Integer.toString(get.body().length)));
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (watches the connection close short of the content-length)")
    @ServerTest
    @Clause("JGI-FRAME-6")
    void bodyShorterThanTheApplicationsContentLengthIsNotPassedOff(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            RawResponse response = connection
                    .send(probe.head("GET", probe.path("/_tck/bad-length")))
                    .readResponse();
            if (response.status() != 500) {
                assertThat(response.status())
                        .as("not 500, so the application's committed status")
                        .isEqualTo(200);
                assertThat(response.end())
                        .as("a committed mismatch must abort")
                        .isEqualTo(RawResponse.End.CLOSED_EARLY);
            }
        }
    }

    @Http1Only("Connection: close is HTTP/1.1 connection management; HTTP/2 forbids the field (RFC 9113 §8.2.2)")
    @ServerTest
    @Clause("JGI-FRAME-7")
    void connectionCloseIsHonoured(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            connection.send(probe.head("GET", "/close", "Connection: close"));
            probe.echo(connection.readResponse());
            assertThat(connection.awaitState(probe.timeout())).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Http1Only("Connection: close is HTTP/1.1 connection management; HTTP/2 forbids the field (RFC 9113 §8.2.2)")
    @ServerTest
    @Clause("JGI-FRAME-11")
    void applicationAskingToCloseGetsItsConnectionClosedAfterTheResponse(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            RawResponse response = connection
                    .send(probe.head("GET", probe.path("/_tck/echo-headers"), "X-Tck-Set: connection=close"))
                    .readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("ok");
            assertThat(response.header("connection"))
                    .hasValueSatisfying(value -> assertThat(value).isEqualToIgnoringCase("close"));
            assertThat(connection.awaitState(probe.timeout())).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Http1Only("persistent connections are HTTP/1.1 connection management")
    @ServerTest
    @Clause("JGI-FRAME-9")
    void http11ConnectionStaysOpenForTheNextRequest(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            connection.send(probe.head("GET", "/first"));
            probe.echo(connection.readResponse());
            assertThat(connection.awaitState(QUIET)).isEqualTo(ConnectionState.OPEN);
            connection.send(probe.head("GET", "/second"));
            assertThat(probe.echo(connection.readResponse()).path()).isEqualTo("/second");
        }
    }

    @Http1Only("HTTP/1.0 requests and their connection rules exist only in HTTP/1.x")
    @ServerTest
    @Clause("JGI-FRAME-9")
    void http10ConnectionClosesWithoutKeepAlive(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            connection.send(probe.head("GET", "/old").replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n"));
            probe.echo(connection.readResponse());
            assertThat(connection.awaitState(probe.timeout())).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Http1Only("pipelining is HTTP/1.1's; HTTP/2 multiplexes streams instead")
    @ServerTest
    @Clause("JGI-FRAME-8")
    void pipelinedRequestsAreAnsweredInOrder(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            String first = probe.head("GET", probe.path("/_tck/stream/20000"));
            String second = probe.head("GET", "/p2");
            String secondNonce = probe.nonce();
            String third = probe.head("GET", "/p3");
            connection.send(first + second + third);
            assertThat(connection.readResponse().body()).hasSize(20000);
            RawResponse two = connection.readResponse();
            assertThat(two.bodyText()).contains(secondNonce).contains("\"path\":\"/p2\"");
            assertThat(probe.echo(connection.readResponse()).path()).isEqualTo("/p3");
        }
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (reads the body while the application still writes)")
    @ServerTest
    @Clause("JGI-BODYOUT-4")
    @Clause("JGI-STREAM-6")
    void flushedBytesReachTheClientBeforeTheBodyEnds(Probe probe) {
        String key = java.util.UUID.randomUUID().toString();
        try (RawConnection connection = probe.connect()) {
            connection.send(probe.head("GET", probe.path("/_tck/gated/" + key)));
            assertThat(connection.readUntil("part1", probe.timeout()))
                    .as("flushed part before the gate opens")
                    .contains("part1");
            probe.exchange(probe.head("GET", probe.path("/_tck/release/" + key)));
            assertThat(connection.readUntil("part2", probe.timeout())).contains("part2");
        }
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-BODYOUT-3")
    void streamBodyIsClosedExactlyOnce(Probe probe) {
        String key = java.util.UUID.randomUUID().toString();
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/stream-close/" + key)));
        assertThat(response.bodyText()).isEqualTo("stream body");
        assertThat(probe.log(key, 1)).containsExactly("closed");
        RequestBodyTests.sleep(100);
        assertThat(probe.log(key, 1)).as("closes after a pause").containsExactly("closed");
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (watches the connection close short of the content-length)")
    @ServerTest(Variant.SYNC)
    @Clause("JGI-BODYOUT-5")
    void fileShorterThanItsRegionIsNotPassedOff(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            RawResponse response = connection
                    .send(probe.head("GET", probe.path("/_tck/short-file")))
                    .readResponse();
            if (response.status() != 500) {
                assertThat(response.status())
                        .as("not 500, so the application's committed status")
                        .isEqualTo(200);
                assertThat(response.end())
                        .as("a committed short file must abort")
                        .isEqualTo(RawResponse.End.CLOSED_EARLY);
            }
        }
    }

    /**
     * Regions of the probe's two files: from byte 0, the middle, across 16 KiB boundaries, the tail,
     * one byte, none, the whole file; each as {@code /_tck/file} route arguments and expected bytes.
     */
    private static List<Map.Entry<String, byte[]>> fileRegions() {
        List<Map.Entry<String, byte[]>> regions = new ArrayList<>();
        for (int size : new int[] {ProbeFiles.SMALL, ProbeFiles.LARGE}) {
            byte[] all = ProbeFiles.content(size);
            for (int[] region :
                    new int[][] {{0, 1000}, {size / 2, 1000}, {20_001, 17_000}, {12_345, 1}, {size - 1, 1}, {100, 0}}) {
                regions.add(Map.entry(
                        size + "/" + region[0] + "/" + region[1],
                        Arrays.copyOfRange(all, region[0], region[0] + region[1])));
            }
            regions.add(Map.entry(size + "/" + (size - 1000) + "/rest", Arrays.copyOfRange(all, size - 1000, size)));
            regions.add(Map.entry(size + "/0/rest", all));
        }
        return regions;
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (sends the next request on the same connection)")
    @ServerTest
    @Clause("JGI-BODYOUT-1")
    @Clause("JGI-FRAME-9")
    void fileRegionIsSentFromItsOffsetWithItsLengthAndTheConnectionAnswersTheNextRequest(Probe probe) {
        for (Map.Entry<String, byte[]> region : fileRegions()) {
            try (RawConnection connection = probe.connect()) {
                RawResponse file = connection
                        .send(probe.head("GET", probe.path("/_tck/file/" + region.getKey())))
                        .readResponse();
                assertThat(file.status())
                        .as("status of region %s", region.getKey())
                        .isEqualTo(200);
                assertThat(file.header("content-length"))
                        .as("content-length of region %s", region.getKey())
                        .contains(Integer.toString(region.getValue().length));
                assertThat(file.body())
                        .as("bytes of region %s", region.getKey())
                        .isEqualTo(region.getValue());
                connection.send(probe.head("GET", "/after-region"));
                Echo next = probe.echo(connection.readResponse());
                assertThat(next.path()).isEqualTo("/after-region");
                assertThat(file.header("x-tck-client"))
                        .as("the second request went over the same connection")
                        .contains(next.client());
            }
        }
    }

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-BODYOUT-7")
    void asyncFileActionIsSentWhetherOrNotTheServerDeclaresFileSending(Probe probe) {
        // Whole files: the regions' offsets are JGI-BODYOUT-1's.
        for (int size : new int[] {ProbeFiles.SMALL, ProbeFiles.LARGE}) {
            Map.Entry<String, byte[]> region = Map.entry(size + "/0/rest", ProbeFiles.content(size));
            RawResponse file = probe.exchange(probe.head("GET", probe.path("/_tck/file/" + region.getKey())));
            assertThat(file.status()).as("status of region %s", region.getKey()).isEqualTo(200);
            assertThat(file.body()).as("bytes of region %s", region.getKey()).isEqualTo(region.getValue());
        }
    }

    @ServerTest(Variant.SECURE)
    @Requires(Capability.HTTP2)
    @Clause("JGI-BODYOUT-1")
    void fileRegionIsSentExactlyOverHttp2AndTheConnectionAnswersTheNextRequest(Probe probe) {
        for (Map.Entry<String, byte[]> region : fileRegions()) {
            HttpResponse<String> file = probe.getOverTls("/_tck/file/" + region.getKey());
            assertThat(file.version()).as("the client spoke HTTP/2").isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(file.statusCode())
                    .as("status of region %s", region.getKey())
                    .isEqualTo(200);
            assertThat(file.body())
                    .as("bytes of region %s", region.getKey())
                    .isEqualTo(new String(region.getValue(), StandardCharsets.US_ASCII));
            Echo next = probe.echo(probe.getOverTls("/after-region"));
            assertThat(file.headers().firstValue("x-tck-client"))
                    .as("the second request went over the same connection")
                    .contains(next.client());
        }
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (reads the body while the application still writes)")
    @ServerTest({Variant.ADAPTED_SYNC, Variant.ADAPTED_ASYNC})
    @Clause("JGI-ADAPT-1")
    @Clause("JGI-ADAPT-2")
    void adaptedApplicationsStillStream(Probe probe) {
        flushedBytesReachTheClientBeforeTheBodyEnds(probe);
        Echo echo = probe.echo(probe.exchange(probe.head("POST", "/adapted", "Content-Length: 3") + "abc"));
        assertThat(echo.bodyHead()).isEqualTo("abc");
    }
}
