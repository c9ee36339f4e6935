package dev.jgi.tck.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Capability;
import dev.jgi.tck.Clause;
import dev.jgi.tck.Http1Only;
import dev.jgi.tck.OpenExchange;
import dev.jgi.tck.Probe;
import dev.jgi.tck.Requires;
import dev.jgi.tck.ServerTest;
import dev.jgi.tck.Variant;
import dev.jgi.tck.wire.RawConnection;
import java.util.List;
import java.util.UUID;

/** Chapters 6 and 7 of the spec: backpressure and client disconnect. */
class StreamingTests {

    /** The probe records one progress event per MiB written; far more than this means no backpressure. */
    private static final int MAX_BUFFERED_MIB = 32;

    /** The bound of JGI-DISC-6 and JGI-DISC-8. */
    private static final long DISCONNECT_BOUND_MILLIS = 1000;

    @Http1Only(
            "not yet ported to HTTP/2: drives its own HTTP/1.1 connection (stops reading, then closes the connection)")
    @ServerTest
    @Clause("JGI-STREAM-1")
    @Clause("JGI-STREAM-2")
    @Clause("JGI-DISC-1")
    @Clause("JGI-DISC-4")
    void writesWaitForASlowReaderAndFailOnceItLeaves(Probe probe) {
        String key = UUID.randomUUID().toString();
        try (RawConnection connection = probe.connect()) {
            connection.send(probe.head("GET", probe.path("/_tck/flood/" + key)));
            RequestBodyTests.sleep(500);
            List<String> progress = probe.log(key, 0);
            assertThat(progress)
                    .as("MiB written while the client read nothing")
                    .hasSizeLessThan(MAX_BUFFERED_MIB)
                    .doesNotContain("never failed");
        }
        List<String> events = probe.log(key, 1 + 0);
        String last = awaitNonProgress(probe, key, events);
        assertThat(last).as("what the application saw after the client left").startsWith("disconnected");
    }

    @ServerTest(Variant.SYNC)
    @Clause("JGI-DISC-2")
    void disconnectIsVisibleOnTheExchange(Probe probe) {
        String key = UUID.randomUUID().toString();
        try (OpenExchange exchange = probe.begin(probe.head("GET", probe.path("/_tck/flood/" + key)))) {
            RequestBodyTests.sleep(200);
            exchange.leave();
            String last = awaitNonProgress(probe, key, probe.log(key, 1));
            assertThat(last).endsWith("isDisconnected=true");
        }
    }

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-DISC-3")
    @Clause("JGI-ASYNC-2")
    void receiveAfterTheResponseYieldsDisconnectRepeatedly(Probe probe) {
        String key = UUID.randomUUID().toString();
        assertThat(probe.exchange(probe.head("POST", probe.path("/_tck/after-response/" + key), "Content-Length: 2")
                                + "ok")
                        .bodyText())
                .isEqualTo("answered");
        assertThat(probe.log(key, 2)).containsExactly("Disconnect", "Disconnect");
    }

    @ServerTest(Variant.ASYNC)
    @Clause("JGI-DISC-3")
    void aReceivePendingWhileTheResponseGoesOutYieldsDisconnectOnceItWasSent(Probe probe) {
        String key = UUID.randomUUID().toString();
        assertThat(probe.exchange(probe.head(
                                        "POST", probe.path("/_tck/receive-while-answering/" + key), "Content-Length: 2")
                                + "ok")
                        .bodyText())
                .isEqualTo("answered");
        assertThat(probe.log(key, 2))
                .as("what a receive pending while the response was sent yields, then the next receive")
                .containsExactly("Disconnect", "Disconnect");
    }

    @ServerTest(Variant.ASYNC)
    @Requires(Capability.DISCONNECT_SIGNAL)
    @Clause("JGI-DISC-8")
    void receiveWaitingAfterTheBodyYieldsDisconnectOnceTheClientLeaves(Probe probe) {
        String[][] cases = {
            {"await-disconnect", "GET", "", "body 0 last"},
            {"await-disconnect", "POST", "hello", "body 5 last"},
            {"respond-then-await-disconnect", "GET", "", "body 0 last"}
        };
        for (String[] waiting : cases) {
            String key = UUID.randomUUID().toString();
            String route = probe.path("/_tck/" + waiting[0] + "/" + key);
            try (OpenExchange exchange =
                    probe.begin(probe.head(waiting[1], route, "Content-Length: " + waiting[2].length()) + waiting[2])) {
                assertThat(probe.log(key, 1))
                        .as("the application received the whole body (%s %s)", waiting[1], waiting[0])
                        .containsExactly(waiting[3]);
                exchange.leave();
                long left = System.currentTimeMillis();
                List<String> seen = probe.log(key, 2);
                assertThat(seen)
                        .as(
                                "what receive yields once the client left while the app waited (%s %s)",
                                waiting[1], waiting[0])
                        .hasSize(2)
                        .startsWith(waiting[3]);
                assertThat(seen.getLast()).startsWith("Disconnect at ");
                long delay = Long.parseLong(seen.getLast().substring("Disconnect at ".length())) - left;
                assertThat(delay)
                        .as("milliseconds from the client leaving to Disconnect (%s %s)", waiting[1], waiting[0])
                        .isLessThanOrEqualTo(DISCONNECT_BOUND_MILLIS);
            }
        }
    }

    @ServerTest
    @Requires(Capability.DISCONNECT_SIGNAL)
    @Clause("JGI-DISC-6")
    void aDisconnectCallbackRunsWithinOneSecondWithoutAWrite(Probe probe) {
        String key = UUID.randomUUID().toString();
        List<String> seen;
        long left;
        // Over HTTP/2 the connection stays open: a browser closing one tab of a site resets one stream.
        try (OpenExchange exchange = probe.begin(probe.head("GET", probe.path("/_tck/disconnect-signal/" + key)))) {
            exchange.awaitBody("data: started");
            exchange.leave();
            left = System.currentTimeMillis();
            seen = probe.log(key, 1);
        }
        assertThat(seen)
                .as("what the stream recorded after its client left (%s); it neither read nor wrote", probe.protocol())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("disconnected at ");
        long delay = Long.parseLong(seen.getFirst().substring("disconnected at ".length())) - left;
        assertThat(delay)
                .as("milliseconds from the client leaving to the callback")
                .isLessThanOrEqualTo(DISCONNECT_BOUND_MILLIS);
    }

    @ServerTest
    @Clause("JGI-DISC-7")
    void aResponseSentWholeNeverRunsTheDisconnectCallback(Probe probe) {
        String key = UUID.randomUUID().toString();
        assertThat(probe.exchange(probe.head("GET", probe.path("/_tck/disconnect-after-whole/" + key)))
                        .bodyText())
                .isEqualTo("whole");
        // The client has left, after the whole response: give a callback the bound to (wrongly) run.
        RequestBodyTests.sleep(DISCONNECT_BOUND_MILLIS + 200);
        assertThat(probe.log(key, 1)).containsExactly("registered");
    }

    private static String awaitNonProgress(Probe probe, String key, List<String> events) {
        long deadline = System.nanoTime() + probe.timeout().toNanos() * 2;
        List<String> current = events;
        while (System.nanoTime() < deadline) {
            List<String> others =
                    current.stream().filter(e -> !e.equals("progress")).toList();
            if (!others.isEmpty()) {
                return others.getLast();
            }
            RequestBodyTests.sleep(50);
            current = probe.log(key, 0);
        }
        return "nothing recorded but progress: the writes never failed";
    }
}
