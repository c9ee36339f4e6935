package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.tck.wire.RawResponse;
import dev.jgi.testing.RawHttp;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a request head becomes a {@link Request}: target, mount split, headers, addresses [JGI-REQ-*] [JGI-PATH-*]. */
class RequestMappingTest {

    private static final AtomicReference<Request> SEEN = new AtomicReference<>();
    private static GatewayServer server;

    @BeforeAll
    static void start() {
        Application app = (request, exchange) -> {
            SEEN.set(request);
            return Response.text(200, "ok");
        };
        server = Servers.started(Servers.quiet(app).mountPath("/shop"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Request send(String head) {
        SEEN.set(null);
        RawResponse answer = RawHttp.exchange(server.port(), head + "Connection: close\r\n\r\n");
        assertThat(answer.status()).as(answer.bodyText()).isEqualTo(200);
        return SEEN.get();
    }

    @Test
    void pathIsSplitAtTheMountPrefix() {
        Request request = send("GET /shop/cart/items?id=7&x=%20 HTTP/1.1\r\nHost: example.com\r\n");
        assertThat(request.target().mountPath()).isEqualTo("/shop");
        assertThat(request.path()).isEqualTo("/cart/items");
        assertThat(request.target().raw()).isEqualTo("/shop/cart/items?id=7&x=%20");
        assertThat(request.target().rawPath()).isEqualTo("/shop/cart/items");
        assertThat(request.target().query()).hasValue("id=7&x=%20");
    }

    @Test
    void mountPointItselfHasAnEmptyPath() {
        assertThat(send("GET /shop HTTP/1.1\r\nHost: x\r\n").path()).isEmpty();
    }

    @Test
    void pathOutsideTheMountGets404WithoutTheApp() {
        SEEN.set(null);
        RawResponse answer =
                RawHttp.exchange(server.port(), "GET /shopping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(SEEN.get()).isNull();
    }

    @Test
    void pathIsDecodedKeepingEncodedSlashesAndPercents() {
        Request request = send("GET /shop/a%20b/c%2Fd/e%25f/%C3%A9 HTTP/1.1\r\nHost: x\r\n");
        assertThat(request.path()).isEqualTo("/a b/c%2Fd/e%25f/\u00e9");
        assertThat(request.target().rawPath()).isEqualTo("/shop/a%20b/c%2Fd/e%25f/%C3%A9");
    }

    @Test
    void dotSegmentsAreRemoved() {
        assertThat(send("GET /shop/a/./b/../c HTTP/1.1\r\nHost: x\r\n").path()).isEqualTo("/a/c");
    }

    @Test
    void headersArriveInLowerCaseWithRepeatsKept() {
        Request request = send("GET /shop/ HTTP/1.1\r\nHost: x\r\nX-Multi: one\r\nX-MULTI: two\r\nAccept: */*\r\n");
        assertThat(request.headers().all("x-multi")).containsExactly("one", "two");
        request.headers().forEach((name, value) -> assertThat(name).isLowerCase());
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.version()).isEqualTo("HTTP/1.1");
        assertThat(request.scheme()).isEqualTo("http");
    }

    @Test
    void methodIsKeptExactlyAsReceived() {
        assertThat(send("PATCH /shop/x HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n")
                        .method())
                .isEqualTo("PATCH");
    }

    @Test
    void http10RequestIsReportedAsSuch() {
        assertThat(send("GET /shop/old HTTP/1.0\r\n").version()).isEqualTo("HTTP/1.0");
    }

    @Test
    void asteriskOptionsIsAnsweredByTheServer() {
        SEEN.set(null);
        RawResponse answer =
                RawHttp.exchange(server.port(), "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(SEEN.get()).isNull();
    }

    @Test
    void lifespanStateReachesEveryRequest() {
        assertThat(send("GET /shop/ HTTP/1.1\r\nHost: x\r\n").state()).isEmpty();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        String answer = RawHttp.received(
                server.port(),
                "GET /shop/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /shop/2 HTTP/1.1\r\nHost: x\r\n\r\n"
                        + "GET /shop/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer.split("HTTP/1.1 200", -1)).hasSize(4);
    }

    @Test
    void headerFieldsKeepTheirOrderOfArrival() {
        Request request = send("GET /shop/ HTTP/1.1\r\nZeta: 1\r\nHost: x\r\nalpha: 2\r\nMiddle: 3\r\nzeta: 4\r\n");
        assertThat(request.headers().asList())
                .extracting(f -> f.name() + "=" + f.value())
                .containsExactly("zeta=1", "host=x", "alpha=2", "middle=3", "zeta=4", "connection=close");
    }

    @Test
    void questionMarkWithNothingAfterItIsAnEmptyQuery() {
        Request request = send("GET /shop/p? HTTP/1.1\r\nHost: x\r\n");
        assertThat(request.target().query()).hasValue("");
        assertThat(request.target().raw()).isEqualTo("/shop/p?");
        assertThat(send("GET /shop/p HTTP/1.1\r\nHost: x\r\n").target().query()).isEmpty();
    }

    @Test
    void absoluteFormTargetGivesPathAndQuery() {
        Request request = send("GET http://example.com/shop/abs?q=1 HTTP/1.1\r\nHost: example.com\r\n");
        assertThat(request.header("host")).hasValue("example.com");
        assertThat(request.path()).isEqualTo("/abs");
        assertThat(request.target().raw()).isEqualTo("http://example.com/shop/abs?q=1");
        assertThat(request.target().rawPath()).isEqualTo("/shop/abs");
        assertThat(request.target().query()).hasValue("q=1");
    }
}
