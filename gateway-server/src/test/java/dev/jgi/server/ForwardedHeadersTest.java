package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.testing.RawHttp;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Forwarded fields are believed only from trusted proxies [JGI-PROXY-1]. */
class ForwardedHeadersTest {

    private static Request through(List<String> trusted, String fields) throws Exception {
        AtomicReference<Request> seen = new AtomicReference<>();
        Application app = (request, exchange) -> {
            seen.set(request);
            return Response.text(200, "ok");
        };
        try (GatewayServer server = Servers.started(Servers.quiet(app).forwardedAllowIps(trusted))) {
            assertThat(RawHttp.exchange(
                                    server.port(),
                                    "GET / HTTP/1.1\r\nHost: inner\r\n" + fields + "Connection: close\r\n\r\n")
                            .status())
                    .isEqualTo(200);
        }
        return seen.get();
    }

    @Test
    void trustedProxyReportsClientSchemeAndHost() throws Exception {
        Request request = through(
                List.of("127.0.0.1"),
                "X-Forwarded-For: 203.0.113.9, 127.0.0.1\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: shop.example\r\n");
        assertThat(((InetSocketAddress) request.client()).getAddress().getHostAddress())
                .isEqualTo("203.0.113.9");
        assertThat(request.scheme()).isEqualTo("https");
        assertThat(request.header("host")).hasValue("shop.example");
    }

    @Test
    void rfc7239ForwardedIsPreferred() throws Exception {
        Request request = through(
                List.of("127.0.0.0/8"),
                "Forwarded: for=\"[2001:db8::1]:4711\";proto=https;host=a.example\r\nX-Forwarded-For: 198.51.100.1\r\n");
        assertThat(((InetSocketAddress) request.client()).getAddress().getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(request.scheme()).isEqualTo("https");
        assertThat(request.header("host")).hasValue("a.example");
    }

    @Test
    void untrustedPeerIsIgnored() throws Exception {
        Request request =
                through(List.of("10.0.0.0/8"), "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n");
        assertThat(((InetSocketAddress) request.client()).getAddress().getHostAddress())
                .isEqualTo("127.0.0.1");
        assertThat(request.scheme()).isEqualTo("http");
        assertThat(request.header("host")).hasValue("inner");
    }
}
