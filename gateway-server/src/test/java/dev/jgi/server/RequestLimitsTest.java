package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.tck.wire.ConnectionState;
import dev.jgi.tck.wire.RawConnection;
import dev.jgi.testing.RawHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each limit answers with its own status [JGI-LIM-1] to [JGI-LIM-5], checked over raw sockets. */
class RequestLimitsTest {

    private static GatewayServer server;

    @BeforeAll
    static void start() {
        Application echoLength = (request, exchange) ->
                Response.text(200, "read " + exchange.body().readAllBytes().length);
        server = Servers.started(Servers.quiet(echoLength)
                .maxRequestLine(1024)
                .maxHeaderCount(20)
                .maxFieldSize(512)
                .maxHeaderSize(4096)
                .maxBodySize(1000)
                .headerReadTimeout(Duration.ofMillis(700)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static int status(String request) {
        return RawHttp.exchange(server.port(), request).status();
    }

    @Test
    void requestWithinTheLimitsIsServed() {
        assertThat(status("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .isEqualTo(200);
    }

    @Test
    void longRequestLineGets414() {
        assertThat(status("GET /" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .isEqualTo(414);
    }

    @Test
    void tooManyHeaderFieldsGet431() {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 25; i++) {
            head.append("X-F").append(i).append(": v\r\n");
        }
        assertThat(status(head.append("\r\n").toString())).isEqualTo(431);
    }

    @Test
    void longHeaderFieldGets431() {
        assertThat(status("GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + "v".repeat(600) + "\r\n\r\n"))
                .isEqualTo(431);
    }

    @Test
    void largeHeadGets431() {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 10; i++) {
            head.append("X-F").append(i).append(": ").append("v".repeat(450)).append("\r\n");
        }
        assertThat(status(head.append("\r\n").toString())).isEqualTo(431);
    }

    @Test
    void announcedLargeBodyGets413BeforeTheAppRuns() {
        assertThat(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"))
                .isEqualTo(413);
    }

    @Test
    void chunkedBodyCrossingTheLimitGets413() {
        String chunk = Integer.toHexString(800) + "\r\n" + "b".repeat(800) + "\r\n";
        assertThat(status("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk
                        + "0\r\n\r\n"))
                .isEqualTo(413);
    }

    @Test
    void slowRequestHeadGets408AndAClosedConnection() {
        try (RawConnection connection = RawHttp.connect(server.port())) {
            assertThat(connection
                            .send("GET / HTTP/1.1\r\nHost: x\r\n")
                            .readResponse()
                            .status())
                    .isEqualTo(408);
            assertThat(connection.awaitState(RawHttp.TIMEOUT)).isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void serverStillServesAfterEveryLimit() {
        longRequestLineGets414();
        tooManyHeaderFieldsGet431();
        announcedLargeBodyGets413BeforeTheAppRuns();
        assertThat(status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc"))
                .isEqualTo(200);
    }

    @Test
    void megabyteRequestLineGets414() {
        assertThat(status("GET /" + "a".repeat(1024 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n"))
                .isEqualTo(414);
    }

    @Test
    void megabyteOfHeaderFieldsGets431() {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 2048; i++) {
            head.append("X-F").append(i).append(": ").append("v".repeat(500)).append("\r\n");
        }
        assertThat(status(head.append("\r\n").toString())).isEqualTo(431);
    }

    @Test
    void thousandsOfSmallHeaderFieldsGet431() {
        StringBuilder head = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 20_000; i++) {
            head.append("X-M").append(i).append(": v\r\n");
        }
        assertThat(status(head.append("\r\n").toString())).isEqualTo(431);
    }
}
