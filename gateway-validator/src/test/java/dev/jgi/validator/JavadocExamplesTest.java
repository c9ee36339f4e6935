package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.Response;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import org.junit.jupiter.api.Test;

/** The code examples the validator's javadoc shows; run as tests so they cannot rot. */
class JavadocExamplesTest {

    @Test
    void collectWhatAnApplicationBreaks() throws Exception {
        Application app = (request, exchange) -> Response.text(200, "hi").withHeader("connection", "keep-alive");
        // @start region="collect"
        CollectingReporter violations = Reporter.collecting();
        try (TestServer server = TestServer.start(Validator.wrap(app, violations))) {
            server.send(TestRequest.get("/"));
        }
        assertThat(violations.clauses()).containsExactly("JGI-RESP-4");
        // @end
    }

    @Test
    void logInProduction() {
        Application app = (request, exchange) -> Response.text(200, "hi");
        // @start region="production"
        Application checked = Validator.wrap(app, Reporter.logging());
        // @end
        assertThat(checked).isNotSameAs(app);
    }
}
