package dev.jgi.tck.app;

import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The scenarios of the application suite. */
final class AppScenarios {

    /** What any response can break: the response value, framing, hop-by-hop fields, async order. */
    private static final Set<String> RESPONSE = Set.of(
            "JGI-APP-3",
            "JGI-APP-5",
            "JGI-RESP-1",
            "JGI-RESP-4",
            "JGI-RESP-8",
            "JGI-HDR-3",
            "JGI-FRAME-5",
            "JGI-ASYNC-3",
            "JGI-ASYNC-4",
            "JGI-ASYNC-8",
            "JGI-ASYNC-9",
            "JGI-STREAM-3",
            "JGI-STREAM-4",
            "JGI-APP-8",
            "JGI-BODYOUT-6",
            "JGI-LIFE-8");

    private AppScenarios() {}

    static List<AppScenario> all() {
        TestServer.Options plain = TestServer.Options.defaults();
        byte[] body = "the quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        return List.of(
                new AppScenario("get", plain, List.of(TestRequest.get("/")), RESPONSE),
                new AppScenario("head", plain, List.of(TestRequest.head("/")), RESPONSE),
                new AppScenario(
                        "unknown-path-with-query", plain, List.of(TestRequest.get("/no/such/path?x=%41&y")), RESPONSE),
                new AppScenario(
                        "body-in-one-byte-pieces",
                        plain.withMaxPiece(1),
                        List.of(TestRequest.post("/")
                                .header("content-type", "text/plain")
                                .body(body)),
                        RESPONSE),
                new AppScenario(
                        "client-leaves-mid-body",
                        plain.withMaxPiece(4),
                        List.of(TestRequest.post("/").body(body).clientLeavesAfterPieces(2)),
                        RESPONSE),
                new AppScenario(
                        "client-leaves-mid-response",
                        plain,
                        List.of(TestRequest.get("/").clientLeavesAfterResponseBytes(1)),
                        RESPONSE),
                new AppScenario(
                        "mounted-under-a-prefix", plain.withMount("/mnt"), List.of(TestRequest.get("/mnt/")), RESPONSE),
                new AppScenario(
                        "no-capabilities-declared",
                        plain.withCapabilities(),
                        List.of(TestRequest.get("/")),
                        union(RESPONSE, Set.of("JGI-CAP-3", "JGI-EXT-5", "JGI-EXT-6"))),
                new AppScenario(
                        "trailers-declared",
                        plain,
                        List.of(TestRequest.get("/")),
                        union(RESPONSE, Set.of("JGI-EXT-2", "JGI-EXT-5", "JGI-EXT-6", "JGI-EXT-10"))),
                new AppScenario(
                        "slow-reader",
                        plain.withSendsWaitingForTheTest(true),
                        List.of(TestRequest.post("/").body(body)),
                        RESPONSE,
                        true),
                new AppScenario("eight-at-once", plain, Collections.nCopies(8, TestRequest.get("/")), RESPONSE));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
