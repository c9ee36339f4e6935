package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import java.util.List;

/** One exchange of a validated application on the harness, and what the validator reported. */
record Outcome(TestResponse response, List<Violation> violations) {

    static Outcome sync(Application app, TestServer.Options options, TestRequest request) throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        try (TestServer server = TestServer.start(Validator.wrap(app, reporter), options)) {
            return new Outcome(server.send(request), reporter.violations());
        }
    }

    static Outcome sync(Application app, TestRequest request) throws Exception {
        return sync(app, TestServer.Options.defaults(), request);
    }

    static Outcome async(AsyncApplication app, TestServer.Options options, TestRequest request) throws Exception {
        CollectingReporter reporter = Reporter.collecting();
        try (TestServer server = TestServer.startAsync(Validator.wrapAsync(app, reporter), options)) {
            return new Outcome(server.send(request), reporter.violations());
        }
    }

    static Outcome async(AsyncApplication app, TestRequest request) throws Exception {
        return async(app, TestServer.Options.defaults(), request);
    }

    List<String> clauses() {
        return violations.stream().map(Violation::clause).toList();
    }

    /**
     * Asserts that the validator reported this clause against this party, and nothing else (one
     * fault may be seen more than once, for example at each use of a stale exchange).
     */
    Outcome reportsOnly(String clause, Violation.Party party) {
        assertThat(violations).as("violations").isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.clause()).as("clause of %s", violation).isEqualTo(clause);
            assertThat(violation.party()).as("party of %s", violation).isEqualTo(party);
        });
        return this;
    }

    Outcome applicationBroke(String clause) {
        return reportsOnly(clause, Violation.Party.APPLICATION);
    }

    Outcome serverBroke(String clause) {
        return reportsOnly(clause, Violation.Party.SERVER);
    }

    /** Asserts that the validator saw nothing wrong. */
    Outcome clean() {
        assertThat(violations).isEmpty();
        return this;
    }
}
