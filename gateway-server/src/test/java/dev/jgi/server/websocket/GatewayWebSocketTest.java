package dev.jgi.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Capability;
import dev.jgi.api.Request;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.tls.RequestEcho;
import dev.jgi.server.tls.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** WebSocket through the whole server: the request handler, the settings and the TLS listener. */
@Timeout(30)
class GatewayWebSocketTest {

    @TempDir
    Path dir;

    @Test
    void asyncApplicationGetsTheHandshakeAsAWebSocketRequest() throws Exception {
        Apps app = Apps.echo();
        try (GatewayServer server = quiet(GatewayServer.builderAsync(app))) {
            assertThat(server.info().capabilities()).contains(Capability.WEBSOCKET);
            WsClient client = WsClient.connect(server.port());
            client.socket.sendText("hi", true).join();
            assertThat(client.next()).isEqualTo(new WsClient.Received.Text("hi"));
            Request request = app.requests.take();
            assertThat(request.kind()).isEqualTo(Request.Kind.WEBSOCKET);
            assertThat(request.path()).isEqualTo("/ws");
            assertThat(request.scheme()).isEqualTo("http");
            assertThat(request.header("sec-websocket-key")).isPresent();
        }
    }

    @Test
    void syncApplicationThatIgnoresTheHandshakeAnswersItAsPlainHttp() throws Exception {
        try (GatewayServer server = quiet(GatewayServer.builder(new RequestEcho()))) {
            assertThatThrownBy(() -> WsClient.connect(server.port()))
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> {
                        var response = ((WebSocketHandshakeException) e).getResponse();
                        assertThat(response.statusCode()).isEqualTo(200);
                        assertThat(RequestEcho.field(String.valueOf(response.body()), "kind"))
                                .isEqualTo("WEBSOCKET");
                    });
        }
    }

    @Test
    void messageSizeLimitComesFromTheServerSettings() throws Exception {
        try (GatewayServer server =
                quiet(GatewayServer.builderAsync(Apps.echo()).wsMaxMessageSize(4096))) {
            WsClient client = WsClient.connect(server.port());
            client.socket.sendBinary(ByteBuffer.allocate(4096), true).join();
            assertThat(client.next()).isInstanceOf(WsClient.Received.Binary.class);
            client.socket.sendBinary(ByteBuffer.allocate(4097), true).join();
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void shutdownClosesOpenConnectionsWithGoingAwayWhenTheGracefulTimeoutEnds() throws Exception {
        Apps app = Apps.echo();
        GatewayServer server = quiet(GatewayServer.builderAsync(app));
        WsClient client = WsClient.connect(server.port());
        client.socket.sendText("still here", true).join();
        client.next();
        long began = System.nanoTime();
        server.close();
        // [JGI-LIFE-7]: the session stays open for the graceful timeout (2 s), then gets 1001.
        assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(client.awaitClose().code()).isEqualTo(1001);
        assertThat(app.completions.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void secureWebSocketRunsOverTheTlsListener() throws Exception {
        TestCertificates.Pem pem = TestCertificates.ec(dir, TestCertificates.KeyFormat.PKCS8);
        Apps app = Apps.echo();
        try (GatewayServer server = quiet(GatewayServer.builderAsync(app).tls(pem.certFile(), pem.keyFile()))) {
            WsClient listener = WsClientOverTls.connect(TestCertificates.trusting(pem.certFile()), server.port());
            listener.socket.sendText("secret", true).join();
            assertThat(listener.next()).isEqualTo(new WsClient.Received.Text("secret"));
            Request request = app.requests.poll(5, TimeUnit.SECONDS);
            assertThat(request.scheme()).isEqualTo("https");
            assertThat(request.tls()).isPresent();
        }
    }

    private static GatewayServer quiet(GatewayServer.Builder builder) {
        GatewayServer server = builder.bind("127.0.0.1", 0)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }

    /** {@link WsClient} over wss. */
    private static final class WsClientOverTls {
        static WsClient connect(SSLContext tls, int port) {
            return WsClient.open(
                    HttpClient.newBuilder().sslContext(tls).build(), URI.create("wss://localhost:" + port + "/ws"));
        }
    }
}
