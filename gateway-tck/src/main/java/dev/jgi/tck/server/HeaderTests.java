package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Echo;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.util.List;
import java.util.Locale;

/** Section 3.2 of the spec: request and response header fields. */
class HeaderTests {

    @ServerTest
    @Clause("JGI-HDR-1")
    void requestHeaderNamesArriveInLowerCase(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/h", "X-Mixed-CASE: v")));
        assertThat(echo.headers()).extracting(f -> f.get(0)).allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)));
        assertThat(echo.header("x-mixed-case")).containsExactly("v");
    }

    @ServerTest
    @Clause("JGI-HDR-2")
    void repeatedRequestFieldsStaySeparate(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/h", "X-Rep: 1", "X-Rep: 2, 3")));
        assertThat(echo.header("x-rep")).containsExactly("1", "2, 3");
    }

    @ServerTest
    @Clause("JGI-HDR-9")
    void requestFieldsKeepTheirOrderAcrossNames(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/h", "X-Rep: 1", "X-Other: a", "X-Rep: 2")));
        List<String> names = echo.headers().stream()
                .map(f -> f.get(0))
                .filter(n -> n.startsWith("x-"))
                .toList();
        assertThat(names).containsSubsequence("x-rep", "x-other", "x-rep");
    }

    @ServerTest
    @Clause("JGI-HDR-2")
    void repeatedSetCookieFieldsAreNotFolded(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/cookies")));
        assertThat(response.headers("set-cookie"))
                .containsExactly("a=1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/", "b=2; Path=/");
    }

    @ServerTest
    @Clause("JGI-HDR-4")
    void headerOctetsSurviveAsLatin1BothWays(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/h", "X-Latin: caf\u00e9 \u00ff")));
        assertThat(echo.header("x-latin")).containsExactly("caf\u00e9 \u00ff");
        RawResponse response =
                probe.exchange(probe.head("GET", probe.path("/_tck/echo-headers"), "X-Tck-Set: x-out=na\u00efve"));
        assertThat(response.header("x-out")).contains("na\u00efve");
    }

    @ServerTest
    @Clause("JGI-HDR-5")
    void headerLookupIgnoresCase(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/h")));
        assertThat(echo.json().path("nonceByOtherCase").asText()).isEqualTo(probe.nonce());
    }

    @Http1Only("field-line syntax is HTTP/1.1's; HTTP/2 carries fields in HPACK")
    @ServerTest
    @Clause("JGI-HDR-6")
    void malformedHeaderLinesAreAnswered400(Probe probe) {
        String[] bad = {"X-No-Colon", ": empty-name", "X-Space : v", "X-Cr: a\rb"};
        for (String line : bad) {
            String request = probe.head("GET", "/bad", line);
            RawResponse response = probe.exchange(request);
            assertThat(response.status())
                    .as("header line %s", line.replace("\r", "\\r").replace("\n", "\\n"))
                    .isEqualTo(400);
            assertThat(response.bodyText()).doesNotContain(probe.nonce());
        }
    }

    @Http1Only("obs-fold is HTTP/1.1 field-line syntax; HTTP/2 carries fields in HPACK")
    @ServerTest
    @Clause("JGI-HDR-6")
    void obsoleteLineFoldingIsRefusedOrReplacedWithSpaces(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", "/fold", "X-Fold: a\r\n folded"));
        if (response.status() != 400) {
            assertThat(probe.echo(response).header("x-fold"))
                    .singleElement()
                    .asString()
                    .matches("a +folded");
        }
    }

    @Http1Only("the Host rule of RFC 9112 §3.2; HTTP/2 carries :authority")
    @ServerTest
    @Clause("JGI-HDR-7")
    void http11RequestNeedsExactlyOneValidHost(Probe probe) {
        String noHost = "GET /nohost HTTP/1.1\r\nx-tck-nonce: a\r\n\r\n";
        String twoHosts = "GET /twohost HTTP/1.1\r\nHost: a.test\r\nHost: a.test\r\n\r\n";
        String badHost = "GET /badhost HTTP/1.1\r\nHost: user@a.test/x\r\n\r\n";
        for (String request : new String[] {noHost, twoHosts, badHost}) {
            RawResponse response = probe.exchange(request);
            assertThat(response.status())
                    .as(request.lines().findFirst().orElseThrow())
                    .isEqualTo(400);
        }
    }

    @ServerTest
    @Clause("JGI-HDR-8")
    void surroundingWhitespaceIsTrimmedFromValues(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/h", "X-Pad: \t  inner  space \t ")));
        assertThat(echo.header("x-pad")).containsExactly("inner  space");
    }

    @ServerTest
    @Clause("JGI-RESP-6")
    void everyResponseFieldIsSentAndRepeatsKeepTheirOrder(Probe probe) {
        List<String> sent = sentTestFields(probe);
        assertThat(sent).containsExactlyInAnyOrder("x-a=1", "x-b=2", "x-a=3");
        assertThat(sent.stream().filter(f -> f.startsWith("x-a")).toList()).containsExactly("x-a=1", "x-a=3");
    }

    @ServerTest
    @Clause("JGI-HDR-9")
    void responseFieldsKeepTheirOrderAcrossNames(Probe probe) {
        assertThat(sentTestFields(probe)).containsExactly("x-a=1", "x-b=2", "x-a=3");
    }

    private static List<String> sentTestFields(Probe probe) {
        RawResponse response = probe.exchange(probe.head(
                "GET", probe.path("/_tck/echo-headers"), "X-Tck-Set: x-a=1", "X-Tck-Set: x-b=2", "X-Tck-Set: x-a=3"));
        return response.headers().stream()
                .map(f -> f.name().toLowerCase(Locale.ROOT) + "=" + f.value())
                .filter(f -> f.startsWith("x-a") || f.startsWith("x-b"))
                .toList();
    }

    @ServerTest
    @Clause("JGI-RESP-7")
    void noContentTypeIsAddedWhenTheApplicationSetNone(Probe probe) {
        RawResponse response = probe.exchange(probe.head("GET", probe.path("/_tck/bare")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("content-type")).isEmpty();
    }

    @Http1Only("not yet ported to HTTP/2: drives its own HTTP/1.1 connection (reads the connection after the 500)")
    @ServerTest
    @Clause("JGI-RESP-5")
    @Clause("JGI-ERR-4")
    void hopByHopFieldFromTheApplicationGives500(Probe probe) {
        for (String field : new String[] {"keep-alive=timeout=5", "transfer-encoding=chunked", "upgrade=h2c"}) {
            try (RawConnection connection = probe.connect()) {
                RawResponse response = connection
                        .send(probe.head("GET", probe.path("/_tck/echo-headers"), "X-Tck-Set: " + field))
                        .readResponse();
                assertThat(response.status()).as(field).isEqualTo(500);
            }
        }
    }

    @Http1Only("HTTP/2 has no Upgrade: the server drops the field there (RFC 9113 §8.2.2)")
    @ServerTest
    @Clause("JGI-RESP-9")
    void upgradeRequiredCarriesItsUpgradeFieldAndConnectionOption(Probe probe) {
        RawResponse response = probe.exchange(probe.head(
                "GET", probe.path("/_tck/echo-headers"), "X-Tck-Status: 426", "X-Tck-Set: upgrade=TLS/1.2, HTTP/1.1"));
        assertThat(response.status()).isEqualTo(426);
        assertThat(response.header("upgrade")).contains("TLS/1.2, HTTP/1.1");
        assertThat(response.header("connection"))
                .hasValueSatisfying(options ->
                        assertThat(options.toLowerCase(java.util.Locale.ROOT)).contains("upgrade"));
    }

    @ServerTest
    @Clause("JGI-RESP-2")
    void statusIsSentAsGiven(Probe probe) {
        for (int status : new int[] {200, 299, 418, 503, 599}) {
            assertThat(probe.exchange(probe.head("GET", probe.path("/_tck/status/" + status)))
                            .status())
                    .isEqualTo(status);
        }
    }

    @ServerTest
    @Clause("JGI-ERR-4")
    void interimStatusAsFinalResponseGives500(Probe probe) {
        assertThat(probe.exchange(probe.head("GET", probe.path("/_tck/status/103")))
                        .status())
                .isEqualTo(500);
    }
}
