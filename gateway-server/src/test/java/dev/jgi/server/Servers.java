package dev.jgi.server;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Embedded servers on port 0 for tests, quiet (no access log) unless a test asks otherwise. */
final class Servers {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Servers() {}

    static GatewayServer.Builder quiet(Application app) {
        return GatewayServer.builder(app)
                .bind("127.0.0.1", 0)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2));
    }

    static GatewayServer.Builder quietAsync(AsyncApplication app) {
        return GatewayServer.builderAsync(app)
                .bind("127.0.0.1", 0)
                .accessLog(ServerConfig.AccessLogFormat.OFF)
                .gracefulTimeout(Duration.ofSeconds(2));
    }

    static GatewayServer started(GatewayServer.Builder builder) {
        GatewayServer server = builder.build();
        server.start();
        return server;
    }

    static HttpResponse<String> get(GatewayServer server, String path) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(uri(server, path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(GatewayServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
