package dev.jgi.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.server.GatewayServer;
import dev.jgi.server.ServerConfig;
import dev.jgi.testing.ChildProcess;
import dev.jgi.testing.Command;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cleartext HTTP/2: off by default, prior knowledge and Upgrade when switched on. */
@Timeout(60)
class H2cTest {

    @Test
    void cleartextHttp2IsOffByDefault() throws Exception {
        try (GatewayServer server = start(false)) {
            ChildProcess.Result curl = Command.of(
                            "curl",
                            "-sS",
                            "--max-time",
                            "5",
                            "--http2-prior-knowledge",
                            "http://127.0.0.1:" + server.port() + "/")
                    .run();
            assertThat(curl.output()).doesNotContain("version=HTTP/2");
            HttpResponse<String> upgraded = get(server);
            assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(server.info().capabilities()).doesNotContain(Capability.HTTP2, Capability.TLS);
        }
    }

    @Test
    void h2cTakesPriorKnowledgeAndUpgrade() throws Exception {
        try (GatewayServer server = start(true)) {
            ChildProcess.Result prior = Command.of(
                            "curl",
                            "-sS",
                            "--max-time",
                            "5",
                            "--http2-prior-knowledge",
                            "http://127.0.0.1:" + server.port() + "/")
                    .run();
            assertThat(RequestEcho.field(prior.output(), "version")).isEqualTo("HTTP/2");
            assertThat(RequestEcho.field(prior.output(), "scheme")).isEqualTo("http");
            HttpResponse<String> upgraded = get(server);
            assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(server.info().capabilities()).contains(Capability.HTTP2);
        }
    }

    @Test
    void upgradedRequestKeepsALoneQuestionMark() throws Exception {
        try (GatewayServer server = start(true)) {
            for (String target : new String[] {"/p?", "/p", "/p?a=1", "/p?a=1?", "/?"}) {
                // curl --http2 on http:// asks for the upgrade (Upgrade: h2c) and sends the target as given.
                ChildProcess.Result upgraded = Command.of(
                                "curl",
                                "-sS",
                                "--max-time",
                                "5",
                                "--http2",
                                "http://127.0.0.1:" + server.port() + target)
                        .run();
                assertThat(RequestEcho.field(upgraded.output(), "version")).isEqualTo("HTTP/2");
                assertThat(RequestEcho.field(upgraded.output(), "target"))
                        .as(target)
                        .isEqualTo(target);
                assertThat(RequestEcho.field(upgraded.output(), "query"))
                        .as(target)
                        .isEqualTo(target.contains("?") ? target.substring(target.indexOf('?') + 1) : "-");
            }
        }
    }

    private static GatewayServer start(boolean h2c) {
        GatewayServer server = GatewayServer.builder(new RequestEcho())
                .bind("127.0.0.1", 0)
                .h2c(h2c)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2))
                .build();
        server.start();
        return server;
    }

    private static HttpResponse<String> get(GatewayServer server) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/up"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
