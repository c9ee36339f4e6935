package dev.jgi.server.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Event;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.tls.RequestEcho;
import dev.jgi.server.tls.TestCertificates;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import dev.jgi.testing.Nginx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx in front of the server, as docs/deploy-nginx.md configures it: TLS ends at nginx, which
 * passes the client's address, scheme and host in X-Forwarded-* fields, over TCP and over a Unix
 * socket. The server trusts those fields from nginx only [JGI-PROXY-1].
 */
@Timeout(90)
class NginxProxyTest {

    /** The test client's own loopback address, so that it differs from nginx's 127.0.0.1. */
    private static final String CLIENT_IP = "127.0.0.5";

    @TempDir
    static Path dir;

    static TestCertificates.Pem pem;
    static GatewayServer server;
    static Nginx nginx;

    @BeforeAll
    static void start() throws Exception {
        pem = TestCertificates.ec(dir.resolve("tls"), TestCertificates.KeyFormat.PKCS8);
        Path socket = dir.resolve("app.sock");
        server = GatewayServer.builderAsync(app())
                .bind("127.0.0.1", 0)
                .bindUnix(socket)
                .forwardedAllowIps(List.of("127.0.0.1"))
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        String conf = documentedConfig();
        nginx = Nginx.start(
                dir.resolve("nginx"),
                port -> conf.replace("listen 443 ssl http2;", "listen 127.0.0.1:" + port + " ssl http2;")
                        .replace("server 127.0.0.1:8000;", "server 127.0.0.1:" + server.port() + ";")
                        .replace("/run/jgi/app.sock", socket.toString())
                        .replace("/etc/ssl/certs/example.pem", pem.certFile().toString())
                        .replace("/etc/ssl/private/example.key", pem.keyFile().toString()));
    }

    /** The nginx block of docs/deploy-nginx.md, so the documented configuration is the tested one. */
    private static String documentedConfig() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "deploy-nginx.md"));
        int start = doc.indexOf("```nginx\n");
        int end = doc.indexOf("```", start + 9);
        assertThat(start).as("an nginx block in docs/deploy-nginx.md").isNotNegative();
        return doc.substring(start + 9, end);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        server.close();
    }

    @Test
    void behindNginxTheApplicationSeesTheClientSchemeAndHost() throws Exception {
        String answer = throughNginx("/", "X-Forwarded-For: 203.0.113.9");
        assertThat(RequestEcho.field(answer, "client")).contains(CLIENT_IP);
        assertThat(RequestEcho.field(answer, "scheme")).isEqualTo("https");
        assertThat(RequestEcho.field(answer, "host")).isEqualTo("localhost:" + nginx.port());
        assertThat(RequestEcho.field(answer, "version")).isEqualTo("HTTP/1.1");
    }

    @Test
    void behindNginxOverAUnixSocketTheApplicationSeesTheSame() throws Exception {
        String answer = throughNginx("/via-socket/", "X-Forwarded-For: 203.0.113.9");
        assertThat(RequestEcho.field(answer, "client")).contains(CLIENT_IP);
        assertThat(RequestEcho.field(answer, "scheme")).isEqualTo("https");
        assertThat(RequestEcho.field(answer, "host")).isEqualTo("localhost:" + nginx.port());
        assertThat(RequestEcho.field(answer, "server"))
                .isEqualTo(dir.resolve("app.sock").toString());
    }

    @Test
    void theSameFieldsFromAnUntrustedPeerAreIgnored() throws Exception {
        ChildProcess.Result direct = Command.of(
                        "curl",
                        "-sS",
                        "--max-time",
                        "10",
                        "--interface",
                        CLIENT_IP,
                        "-H",
                        "X-Forwarded-For: 198.51.100.7",
                        "-H",
                        "X-Forwarded-Proto: https",
                        "-H",
                        "X-Forwarded-Host: evil.example",
                        "-H",
                        "Forwarded: for=198.51.100.7;proto=https;host=evil.example",
                        "http://127.0.0.1:" + server.port() + "/direct")
                .run();
        assertThat(direct.exit()).as(direct.output()).isZero();
        assertThat(RequestEcho.field(direct.output(), "client"))
                .contains(CLIENT_IP)
                .doesNotContain("198.51.100.7");
        assertThat(RequestEcho.field(direct.output(), "scheme")).isEqualTo("http");
        assertThat(RequestEcho.field(direct.output(), "host")).isEqualTo("127.0.0.1:" + server.port());
    }

    @Test
    void webSocketsPassThroughNginx() throws Exception {
        SSLContext tls = TestCertificates.trusting(pem.certFile());
        CompletableFuture<String> echoed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newBuilder()
                .sslContext(tls)
                .build()
                .newWebSocketBuilder()
                .buildAsync(URI.create("wss://localhost:" + nginx.port() + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        echoed.complete(data.toString());
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
        socket.sendText("through nginx", true).join();
        assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("echo: through nginx");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    private static String throughNginx(String path, String header) throws Exception {
        ChildProcess.Result curl = Command.of(
                        "curl",
                        "-sS",
                        "--max-time",
                        "10",
                        "--interface",
                        CLIENT_IP,
                        "--cacert",
                        pem.certFile().toString(),
                        "-H",
                        header,
                        "https://localhost:" + nginx.port() + path)
                .run();
        assertThat(curl.exit()).as(curl.output() + nginx.log()).isZero();
        return curl.output();
    }

    /** HTTP requests get {@link RequestEcho}'s answer; WebSocket messages come back prefixed. */
    private static AsyncApplication app() {
        AsyncApplication http = AsyncApplication.fromSync(new RequestEcho());
        return (request, channel) -> request.kind() == Request.Kind.HTTP
                ? http.handle(request, channel)
                : channel.receive()
                        .thenCompose(
                                connect -> channel.send(new Action.WebSocketAccept(Optional.empty(), Headers.of())))
                        .thenCompose(accepted -> channel.receive())
                        .thenCompose(message -> message instanceof Event.WebSocketText text
                                ? channel.send(new Action.WebSocketSendText("echo: " + text.text()))
                                : CompletableFuture.<Void>completedFuture(null))
                        .thenCompose(sent -> channel.receive())
                        .thenAccept(close -> {});
    }
}
