package dev.jgi.tck.app;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.harness.Communicator;
import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import dev.jgi.tck.report.JunitXml;
import dev.jgi.tck.report.OutcomeCollector;
import dev.jgi.tck.report.TckReport;
import dev.jgi.tck.report.TestOutcome;
import dev.jgi.validator.CollectingReporter;
import dev.jgi.validator.Reporter;
import dev.jgi.validator.Validator;
import dev.jgi.validator.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The application suite: runs an application through the validator, in the in-process harness
 * server, under each {@link AppScenario}, and reports the validator's findings by clause in the
 * TCK's report format. A fresh application instance serves each scenario, so lifespan is clean.
 */
public final class AppSuite {

    private AppSuite() {}

    /**
     * Runs every scenario.
     *
     * @param subject   the application's name for the report
     * @param factory   makes a new instance: an {@link Application} or an {@link AsyncApplication}
     * @param reportDir where report.json, report.md and junit/ (JUnit XML, as the server suite's) go, if anywhere
     */
    public static TckReport run(String subject, Supplier<Object> factory, Optional<Path> reportDir) {
        OutcomeCollector outcomes = new OutcomeCollector("app");
        for (AppScenario scenario : AppScenarios.all()) {
            outcomes.add(run(scenario, factory));
        }
        TckReport report = outcomes.finish(
                subject,
                () -> new OutcomeCollector.ServerFacts("jgi-harness (in process)", "", "1.0", List.of(), List.of()),
                reportDir);
        reportDir.ifPresent(dir -> JunitXml.write(report, dir.resolve("junit")));
        return report;
    }

    static TestOutcome run(AppScenario scenario, Supplier<Object> factory) {
        CollectingReporter reporter = Reporter.collecting();
        String problem = "";
        try (TestServer server = start(factory.get(), reporter, scenario)) {
            if (scenario.slowReader()) {
                readSlowly(server, scenario.requests().getFirst());
            }
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (TestRequest request : scenario.slowReader() ? List.<TestRequest>of() : scenario.requests()) {
                sent.add(CompletableFuture.runAsync(() -> server.send(request)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        } catch (Exception | Error e) {
            Throwable cause =
                    e instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : e;
            problem = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        List<Violation> violations = reporter.violations();
        String test = "AppSuite#" + scenario.name();
        if (violations.isEmpty() && problem.isEmpty()) {
            return new TestOutcome(
                    test, "", List.copyOf(new TreeSet<>(scenario.clauses())), TestOutcome.Status.PASSED, "", "");
        }
        List<String> clauses =
                violations.stream().map(Violation::clause).distinct().sorted().toList();
        StringBuilder message = new StringBuilder();
        violations.stream()
                .map(Violation::toString)
                .distinct()
                .forEach(v -> message.append(v).append('\n'));
        if (!problem.isEmpty()) {
            message.append("the exchange failed: ").append(problem);
        }
        return new TestOutcome(
                test, "", clauses, TestOutcome.Status.FAILED, message.toString().strip(), "");
    }

    /** Feeds the body, then takes each action after a pause, until the application ends. */
    private static void readSlowly(TestServer server, TestRequest request) throws Exception {
        Communicator client = server.open(request);
        byte[] body = new byte[request.bodyBytes().remaining()];
        request.bodyBytes().get(body);
        client.sendBody(body, true);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (!client.hasEnded() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            try {
                client.receive(java.time.Duration.ofMillis(100));
            } catch (java.util.concurrent.TimeoutException nothingYet) {
                // the application has not sent its next action yet
            }
        }
        client.close();
    }

    private static TestServer start(Object app, Reporter reporter, AppScenario scenario) throws Exception {
        return switch (app) {
            case Application sync
            when scenario.slowReader() ->
                TestServer.startAsync(AsyncApplication.fromSync(Validator.wrap(sync, reporter)), scenario.options());
            case Application sync -> TestServer.start(Validator.wrap(sync, reporter), scenario.options());
            case AsyncApplication async ->
                TestServer.startAsync(Validator.wrapAsync(async, reporter), scenario.options());
            default ->
                throw new IllegalArgumentException(
                        app.getClass().getName() + " implements neither Application nor AsyncApplication");
        };
    }
}
