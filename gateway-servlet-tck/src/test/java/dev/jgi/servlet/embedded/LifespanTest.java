package dev.jgi.servlet.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.servlet.JgiServlet;
import dev.jgi.testing.RawHttp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Start and stop of an application, mapped to the servlet's init and destroy. */
class LifespanTest {

    /** Counts its lifespan calls; refuses to start when told to. */
    private static final class Counted implements Application {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();
        private final boolean refuse;

        Counted(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public Map<String, Object> start(ServerInfo server) {
            starts.incrementAndGet();
            if (refuse) {
                throw new IllegalStateException("database unreachable");
            }
            return Map.of();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }

        @Override
        public Response handle(dev.jgi.api.Request request, dev.jgi.api.Exchange exchange) {
            return Response.text(200, "up");
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void stopRunsOnceWhenTheContainerShutsDown(Container container) throws Exception {
        Counted app = new Counted(false);
        try (Deployment deployment = container.start(new JgiServlet(app), "")) {
            assertThat(RawHttp.get(deployment.address(), "/").bodyText()).isEqualTo("up");
            assertThat(app.stops.get()).isZero();
        }
        assertThat(app.starts.get()).isEqualTo(1);
        assertThat(app.stops.get()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aFailingStartFailsTheDeploymentWithTheApplicationsMessageAndNoStop(Container container) {
        Counted app = new Counted(true);

        assertThatThrownBy(() -> container.start(new JgiServlet(app), "").close())
                .hasStackTraceContaining("database unreachable");
        assertThat(app.starts.get()).isEqualTo(1);
        assertThat(app.stops.get()).isZero();
    }
}
