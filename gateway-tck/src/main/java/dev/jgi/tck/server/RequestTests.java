package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.tck.Clause;
import dev.jgi.tck.Echo;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.Probe;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.tck.wire.RawResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Chapter 2 and 3 of the spec: roles, and the request head the application receives. */
class RequestTests {

    @ServerTest
    @Clause("JGI-ROLE-1")
    @Clause("JGI-APP-1")
    void eachInterfaceIsServedAndHandleRunsOncePerRequest(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/role")));
        assertThat(echo.variant()).isEqualTo(probe.variant() == Variant.ASYNC ? "async" : "sync");
        assertThat(echo.json().path("calls").asInt())
                .as("handle calls for this request")
                .isEqualTo(1);
    }

    @ServerTest
    @Clause("JGI-REQ-1")
    void methodArrivesExactlyAsSentWithItsCase(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("Custom-Method", "/m", "Content-Length: 0")));
        assertThat(echo.method()).isEqualTo("Custom-Method");
    }

    @ServerTest
    @Clause("JGI-REQ-2")
    @Clause("JGI-REQ-6")
    void plainConnectionIsHttpWithoutTls(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head("GET", "/scheme")));
        boolean secure = probe.protocol() == Protocol.H2;
        assertThat(echo.scheme()).isEqualTo(probe.scheme());
        assertThat(echo.tls()).as("tls present exactly on a TLS connection").isEqualTo(secure);
    }

    @ServerTest
    @Clause("JGI-REQ-3")
    void versionIsReportedAsReceived(Probe probe) {
        if (probe.protocol() != Protocol.HTTP_1_1) {
            assertThat(probe.echo(probe.exchange(probe.head("GET", "/v2"))).version())
                    .as("over HTTP/2 [JGI-H2-1]")
                    .isEqualTo("HTTP/2");
            return;
        }
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/v11"))).version())
                .isEqualTo("HTTP/1.1");
        String head10 = probe.head("GET", "/v10").replace(" HTTP/1.1\r\n", " HTTP/1.0\r\n");
        assertThat(probe.echo(probe.exchange(head10)).version()).isEqualTo("HTTP/1.0");
    }

    @ServerTest
    @Clause("JGI-REQ-4")
    @Clause("JGI-PATH-11")
    void rawTargetAndRawPathAreUntouched(Probe probe) {
        String target = probe.path("/a%20b/./c%2Fd") + "?x=%41&y";
        Echo echo = probe.echo(probe.exchange(probe.head("GET", target)));
        assertThat(echo.raw()).isEqualTo(target);
        assertThat(echo.rawPath()).isEqualTo(probe.path("/a%20b/./c%2Fd"));
    }

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (compares the client address with its own socket's port)")
    @ServerTest
    @Clause("JGI-REQ-5")
    void clientAndServerAreTheConnectionsAddresses(Probe probe) throws Exception {
        try (java.net.Socket socket =
                new java.net.Socket("127.0.0.1", probe.address().getPort())) {
            socket.setSoTimeout((int) probe.timeout().toMillis());
            socket.getOutputStream()
                    .write(probe.head("GET", "/addr", "Connection: close")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).contains(probe.nonce());
            assertThat(text).as("client address").contains(":" + socket.getLocalPort() + "\"");
            assertThat(text).as("server address").contains(":" + probe.address().getPort() + "\"");
        }
    }

    @ServerTest
    @Clause("JGI-REQ-7")
    @Clause("JGI-LIFE-4")
    @Clause("JGI-LIFE-2")
    void everyRequestCarriesTheLifespanState(Probe probe) {
        for (int i = 0; i < 3; i++) {
            Echo echo = probe.echo(probe.exchange(probe.head("GET", "/state" + i)));
            assertThat(echo.stateCarried())
                    .as("state is the map start returned")
                    .isTrue();
            assertThat(echo.json().path("startedBefore").asBoolean())
                    .as("start returned before the request")
                    .isTrue();
        }
    }

    @ServerTest
    @Clause("JGI-REQ-7")
    void stateIsTheStartMapItselfNotACopy(Probe probe) {
        for (int i = 0; i < 3; i++) {
            assertThat(probe.echo(probe.exchange(probe.head("GET", "/state-identity" + i)))
                            .stateIsStartMap())
                    .as("request %d: state is the object start returned, not a copy of it", i)
                    .isTrue();
        }
    }

    @ServerTest
    @Clause("JGI-REQ-13")
    void attributesAreEmptyAsTheServerDeliversTheRequest(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/attributes"))).attributes())
                .as("attributes of a request the server built")
                .isZero();
    }

    @ServerTest
    @Clause("JGI-REQ-9")
    void plainRequestIsOfKindHttp(Probe probe) {
        assertThat(probe.echo(probe.exchange(probe.head("GET", "/kind"))).kind())
                .isEqualTo("HTTP");
    }

    @ServerTest
    @Clause("JGI-REQ-10")
    void asteriskTargetIsAnsweredByTheServer(Probe probe) {
        RawResponse response = probe.exchange(probe.head("OPTIONS", "*"));
        assertThat(response.bodyText())
                .as("the application must not see OPTIONS *")
                .doesNotContain(probe.nonce());
        assertThat(response.status()).isLessThan(500);
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-APP-2")
    void blockingRequestDelaysNoOtherRequest(Probe probe) throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String block = probe.head("GET", probe.path("/_tck/block/" + key));
        CompletableFuture<RawResponse> blocked = CompletableFuture.supplyAsync(() -> probe.exchange(block));
        Thread.sleep(100);
        RawResponse release = probe.exchange(probe.head("GET", probe.path("/_tck/release/" + key)));
        assertThat(release.status()).isEqualTo(200);
        assertThat(blocked.get(8, TimeUnit.SECONDS).bodyText()).isEqualTo("released");
    }

    @ServerTest({Variant.SYNC, Variant.ASYNC})
    @Clause("JGI-PROXY-1")
    void forwardedFieldsFromAnUntrustedPeerAreIgnored(Probe probe) {
        Echo echo = probe.echo(probe.exchange(probe.head(
                "GET",
                "/fwd",
                "Forwarded: for=203.0.113.9;proto=https;host=evil.test",
                "X-Forwarded-For: 203.0.113.9",
                "X-Forwarded-Proto: https",
                "X-Forwarded-Host: evil.test")));
        assertThat(echo.scheme()).isEqualTo(probe.scheme());
        assertThat(echo.client()).doesNotContain("203.0.113.9");
        assertThat(echo.header("host"))
                .containsExactly("127.0.0.1:" + probe.address().getPort());
    }

    @Http1Only("the request line's HTTP-version exists only in HTTP/1.x")
    @ServerTest(Variant.SYNC)
    @Clause("JGI-REQ-11")
    void requestWhoseMajorVersionIsNotOneGets505(Probe probe) {
        for (String version : new String[] {"HTTP/2.0", "HTTP/3.0"}) {
            try (RawConnection connection = probe.connect()) {
                String head = probe.head("GET", probe.path("/version"))
                        .replaceFirst(" HTTP/1\\.1\r\n", " " + version + "\r\n");
                RawResponse response = connection.send(head).readResponse();
                assertThat(response.status()).as(version).isEqualTo(505);
            }
        }
    }

    @Http1Only(
            "HTTP/2 carries CONNECT in pseudo-header fields (RFC 9113 §8.5); this test writes an HTTP/1.1 request line")
    @ServerTest(Variant.SYNC)
    @Clause("JGI-REQ-12")
    void connectIsRefusedWith501(Probe probe) {
        try (RawConnection connection = probe.connect()) {
            // The host field names the tunnel's authority, as RFC 9112 §3.2.3 asks of CONNECT.
            RawResponse response = connection
                    .send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")
                    .readResponse();
            assertThat(response.status()).isEqualTo(501);
        }
    }
}
