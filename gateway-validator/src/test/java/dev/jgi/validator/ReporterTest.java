package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Action;
import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Headers;
import dev.jgi.api.Response;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReporterTest {

    private static final Application HOP_BY_HOP =
            (request, exchange) -> Response.text(200, "x").withHeader("upgrade", "h2c");

    @Test
    void throwingReporterTurnsAnApplicationViolationIntoItsFailure() throws Exception {
        try (TestServer server = TestServer.start(Validator.wrap(HOP_BY_HOP))) {
            TestResponse response = server.send(TestRequest.get("/"));
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.failure()).get().isInstanceOfSatisfying(ViolationException.class, thrown -> {
                assertThat(thrown.violation().clause()).isEqualTo("JGI-RESP-4");
                assertThat(thrown)
                        .hasMessage("[JGI-RESP-4] application: hop-by-hop field upgrade in the response (see "
                                + ClauseLinks.of("JGI-RESP-4") + ")");
            });
        }
    }

    @Test
    void throwingReporterFailsAnOutOfOrderSendWithoutForwardingIt() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AsyncApplication app =
                (request, channel) -> channel.send(new Action.ResponseBody(ByteBuffer.allocate(2), false))
                        .handle((ignored, error) -> {
                            failure.set(error);
                            return null;
                        })
                        .thenCompose(ignored -> channel.send(new Action.ResponseStart(200, Headers.of(), false)))
                        .thenCompose(started -> channel.send(new Action.ResponseBody(ByteBuffer.allocate(1), false)));
        try (TestServer server = TestServer.startAsync(Validator.wrapAsync(app))) {
            TestResponse response = server.send(TestRequest.get("/"));
            assertThat(response.bodyBytes()).hasSize(1);
        }
        assertThat(failure.get()).isInstanceOf(ViolationException.class).hasMessageContaining("JGI-ASYNC-3");
    }

    @Test
    void loggingReporterWritesOneWarningPerViolationAndGoesOn() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        System.Logger logger = new System.Logger() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
                lines.add(level + " " + message);
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                lines.add(level + " " + format);
            }
        };
        try (TestServer server = TestServer.start(Validator.wrap(HOP_BY_HOP, Reporter.logging(logger)))) {
            assertThat(server.send(TestRequest.get("/")).status()).isEqualTo(500);
        }
        assertThat(lines)
                .containsExactly("WARNING [JGI-RESP-4] application: hop-by-hop field upgrade in the response (see "
                        + ClauseLinks.of("JGI-RESP-4") + ")");
    }

    @Test
    void reportersChainAndCollectorsKeepOrder() {
        CollectingReporter first = Reporter.collecting();
        CollectingReporter second = Reporter.collecting();
        Reporter both = first.andThen(second);
        both.report(new Violation("JGI-APP-3", Violation.Party.APPLICATION, "one"));
        both.report(new Violation("JGI-LIFE-1", Violation.Party.SERVER, "two"));
        assertThat(second.clauses()).containsExactly("JGI-APP-3", "JGI-LIFE-1");
        first.clear();
        assertThat(first.isEmpty()).isTrue();
    }

    @Test
    void violationRefusesAnythingButAClauseId() {
        Supplier<Violation> bad = () -> new Violation("RESP-4", Violation.Party.APPLICATION, "x");
        assertThatThrownBy(bad::get).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Violation("JGI-WS-12", Violation.Party.SERVER, "m"))
                .hasToString("[JGI-WS-12] server: m (see " + ClauseLinks.of("JGI-WS-12") + ")");
    }
}
