package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.testing.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What RFC 9112 says to reject is answered 400 without calling the app [JGI-HDR-6] [JGI-HDR-7] [JGI-BODY-7] [JGI-PATH-6]. */
class MalformedRequestTest {

    private static GatewayServer server;

    @BeforeAll
    static void start() {
        Application app = (request, exchange) -> Response.text(
                200, "served " + request.path() + " " + exchange.body().readAllBytes().length);
        server = Servers.started(Servers.quiet(app));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "whitespace before colon|GET / HTTP/1.1\r\nHost: x\r\nX-A : b\r\n\r\n",
                "header line without colon|GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n",
                "empty header name|GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n",
                "bare CR|GET / HTTP/1.1\r\nHost: x\rX-A: b\r\n\r\n",
                "obsolete line folding|GET / HTTP/1.1\r\nHost: x\r\nX-A: b\r\n c\r\n\r\n",
                "obsolete line folding after a chunked request|POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nX-A: b\r\n\tc\r\n\r\n",
                "missing host|GET / HTTP/1.1\r\n\r\n",
                "two hosts|GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                "invalid host|GET / HTTP/1.1\r\nHost: a b\r\n\r\n",
                "host with a path|GET / HTTP/1.1\r\nHost: a/b\r\n\r\n",
                "content-length and transfer-encoding|POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "signed content-length|POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello",
                "disagreeing content-lengths|POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
                "unknown transfer coding|POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
                "malformed chunk size|POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
                "malformed chunk size after a good chunk|POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\nq1\r\nabc\r\n0\r\n\r\n",
                "chunk data longer than its size|POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX\r\n0\r\n\r\n",
                "whitespace before the chunk size|POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n",
                "malformed percent escape|GET /a%G1 HTTP/1.1\r\nHost: x\r\n\r\n",
                "lone percent|GET /a% HTTP/1.1\r\nHost: x\r\n\r\n",
                "invalid utf-8|GET /%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n",
                "path above the root|GET /a/../../b HTTP/1.1\r\nHost: x\r\n\r\n",
                "encoded dots above the root|GET /%2e%2e/b HTTP/1.1\r\nHost: x\r\n\r\n",
                "space in the target|GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
                "control character in a value|GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n",
            })
    void malformedRequestGets400(String testCase) {
        String request = testCase.substring(testCase.indexOf('|') + 1);
        String answer = RawHttp.received(server.port(), request, Duration.ofSeconds(3));
        String last = answer.substring(Math.max(0, answer.lastIndexOf("HTTP/1.1 ")));
        assertThat(last)
                .as(testCase.substring(0, testCase.indexOf('|')))
                .startsWith("HTTP/1.1 400")
                .doesNotContain("served");
    }
}
