package dev.jgi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Capability;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    /** Records its lifespan calls. */
    static final class Recording implements Application {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile ServerInfo info;
        final boolean failStart;

        Recording(boolean failStart) {
            this.failStart = failStart;
        }

        @Override
        public Map<String, Object> start(ServerInfo server) throws Exception {
            calls.add("start");
            info = server;
            if (failStart) {
                throw new IllegalStateException("no database");
            }
            return Map.of("pool", "ready");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public Response handle(Request request, Exchange exchange) {
            return Response.text(200, (String) request.state().get("pool"));
        }
    }

    @Test
    void startRunsOnceBeforeServingAndStopOnceAtClose() throws Exception {
        Recording app = new Recording(false);
        GatewayServer server = Servers.started(Servers.quiet(app));
        assertThat(app.calls).containsExactly("start");
        assertThat(Servers.get(server, "/").body()).isEqualTo("ready");
        server.close();
        server.close();
        assertThat(app.calls).containsExactly("start", "stop");
        assertThat(app.info.specVersion()).isEqualTo("1.0");
        assertThat(app.info.capabilities()).contains(Capability.FILE_SENDING);
    }

    @Test
    void failedStartIsReportedWithTheAppsMessageAndNeverStopped() {
        Recording app = new Recording(true);
        GatewayServer server = Servers.quiet(app).build();
        assertThatThrownBy(server::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no database");
        server.close();
        assertThat(app.calls).containsExactly("start");
    }

    @Test
    void closeFinishesInFlightRequestsThenRefusesConnections() throws Exception {
        CompletableFuture<Void> entered = new CompletableFuture<>();
        Application slow = (request, exchange) -> {
            entered.complete(null);
            Thread.sleep(500);
            return Response.text(200, "finished");
        };
        GatewayServer server = Servers.started(Servers.quiet(slow));
        int port = server.port();
        var pending = Servers.CLIENT.sendAsync(
                java.net.http.HttpRequest.newBuilder(Servers.uri(server, "/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        entered.get(5, TimeUnit.SECONDS);
        server.close();
        assertThat(pending.get(5, TimeUnit.SECONDS).body()).isEqualTo("finished");
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}
