package dev.jgi.tck.app;

import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import java.util.List;
import java.util.Set;

/**
 * One awkward situation an application is put in: how the in-process server is set up, the
 * requests it sends (all at once when there are several), and the application clauses the
 * situation can reveal a breach of.
 *
 * @param name      a short name for the report, for example {@code body-in-one-byte-pieces}
 * @param options   how the harness server behaves
 * @param requests  what it sends
 * @param clauses   the application clauses this scenario exercises
 * @param slowReader whether the client takes each response action only after a pause, so that
 *                   send stages stay pending (one request; the application runs as async)
 */
record AppScenario(
        String name, TestServer.Options options, List<TestRequest> requests, Set<String> clauses, boolean slowReader) {

    AppScenario {
        requests = List.copyOf(requests);
        clauses = Set.copyOf(clauses);
    }

    AppScenario(String name, TestServer.Options options, List<TestRequest> requests, Set<String> clauses) {
        this(name, options, requests, clauses, false);
    }
}
