package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.jgi.api.Application;
import dev.jgi.api.Capability;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The validator holds an application to the capabilities of the request, not only the declared ones
 * [JGI-CAP-3], and the server to a request set within the declared one [JGI-CAP-6]. The harness
 * declares every capability; the server in front of the validator here narrows each request.
 */
class RequestCapabilitiesTest {

    private static final Application TRAILERS = (request, exchange) ->
            Response.text(200, "x").withHeader("trailer", "x-sum").withTrailers(() -> Headers.of("x-sum", "1"));

    @Test
    void trailersOnARequestThatLacksTrailersBreakCap3() throws Exception {
        assertThat(violations(
                        TRAILERS, r -> r.toBuilder().capabilities(Set.of()).build()))
                .extracting(Violation::clause, Violation::party)
                .containsOnly(tuple("JGI-CAP-3", Violation.Party.APPLICATION));
    }

    @Test
    void trailersOnARequestThatHoldsTrailersAreCorrect() throws Exception {
        assertThat(violations(TRAILERS, UnaryOperator.identity())).isEmpty();
    }

    @Test
    void aRequestHoldingMoreThanTheServerDeclaredBreaksCap6() throws Exception {
        Application plain = (request, exchange) -> Response.text(200, "x");
        TestServer.Options fewer = TestServer.Options.defaults().withCapabilities(Capability.TRAILERS);
        CollectingReporter reporter = Reporter.collecting();
        try (TestServer server = TestServer.start(
                narrowing(
                        Validator.wrap(plain, reporter),
                        r -> r.toBuilder()
                                .capabilities(Set.of(Capability.EARLY_HINTS))
                                .build()),
                fewer)) {
            server.send(TestRequest.get("/"));
        }
        assertThat(reporter.violations())
                .extracting(Violation::clause, Violation::party)
                .containsOnly(tuple("JGI-CAP-6", Violation.Party.SERVER));
    }

    private static List<Violation> violations(Application app, UnaryOperator<Request> narrow) throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        try (TestServer server = TestServer.start(narrowing(Validator.wrap(app, reporter), narrow))) {
            server.send(TestRequest.get("/"));
        }
        return reporter.violations();
    }

    /** A server in front of {@code validated} that hands it each request changed by {@code narrow}. */
    private static Application narrowing(Application validated, UnaryOperator<Request> narrow) {
        return new Application() {
            @Override
            public Map<String, Object> start(ServerInfo server) throws Exception {
                return validated.start(server);
            }

            @Override
            public void stop() throws Exception {
                validated.stop();
            }

            @Override
            public Response handle(Request request, Exchange exchange) throws Exception {
                return validated.handle(narrow.apply(request), exchange);
            }
        };
    }
}
