package dev.jgi.server;

import static dev.jgi.server.AdminListenerTest.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.server.http.AppReadiness;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** An application's readiness check (the lifespan state's {@code jgi.readiness}) drives {@code /readyz}. */
class AppReadinessTest {

    /** An app whose start returns {@code check} under the readiness key. */
    private record Checked(Object check) implements Application {
        @Override
        public Map<String, Object> start(ServerInfo server) {
            return Map.of(AppReadiness.STATE_KEY, check);
        }

        @Override
        public Response handle(Request request, Exchange exchange) {
            return Response.text(200, "served\n");
        }
    }

    @Test
    void readyzFollowsTheApplicationsCheckBothWaysAndTheAppKeepsServing() throws Exception {
        AtomicBoolean database = new AtomicBoolean(true);
        BooleanSupplier check = database::get;
        try (GatewayServer server =
                Servers.started(Servers.quiet(new Checked(check)).adminBind("0"))) {
            assertThat(admin(server, "/readyz").statusCode()).isEqualTo(200);
            database.set(false);
            HttpResponse<String> down = admin(server, "/readyz");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("the application says so");
            assertThat(server.ready()).isFalse();
            // Readiness steers balancers; the listener itself still answers whoever comes.
            assertThat(Servers.get(server, "/").statusCode()).isEqualTo(200);
            assertThat(admin(server, "/livez").statusCode()).isEqualTo(200);
            database.set(true);
            assertThat(admin(server, "/readyz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCheckThatThrowsCountsAsNotReady() throws Exception {
        BooleanSupplier broken = () -> {
            throw new IllegalStateException("pool closed");
        };
        try (GatewayServer server =
                Servers.started(Servers.quiet(new Checked(broken)).adminBind("0"))) {
            assertThat(admin(server, "/readyz").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void aReadinessEntryOfAnotherTypeRefusesToStart() {
        GatewayServer server = Servers.quiet(new Checked("yes")).build();
        assertThatThrownBy(server::start)
                .hasMessageContaining(
                        "\"jgi.readiness\" must be a java.util.function.BooleanSupplier, got java.lang.String");
    }
}
