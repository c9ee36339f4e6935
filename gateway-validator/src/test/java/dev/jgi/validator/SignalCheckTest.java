package dev.jgi.validator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.api.Completion;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The server's side of the disconnect and drain signals, as the validator sees it. */
class SignalCheckTest {

    @Test
    void aCallbackRunOnceBreaksNothing() {
        CollectingReporter reporter = new CollectingReporter();
        SignalCheck check = new SignalCheck(reporter);
        AtomicInteger runs = new AtomicInteger();
        check.disconnect(runs::incrementAndGet).run();
        check.drain(runs::incrementAndGet).run();
        assertThat(runs).hasValue(2);
        assertThat(reporter.isEmpty()).isTrue();
    }

    @Test
    void aCallbackRunTwiceBreaksDisc6OrLife9() {
        CollectingReporter reporter = new CollectingReporter();
        SignalCheck check = new SignalCheck(reporter);
        Runnable disconnect = check.disconnect(() -> {});
        Runnable drain = check.drain(() -> {});
        disconnect.run();
        disconnect.run();
        drain.run();
        drain.run();
        assertThat(reporter.clauses()).containsExactly("JGI-DISC-6", "JGI-LIFE-9");
    }

    @Test
    void aDisconnectCallbackAfterAWholeResponseBreaksDisc7() {
        CollectingReporter reporter = new CollectingReporter();
        SignalCheck check = new SignalCheck(reporter);
        Runnable disconnect = check.disconnect(() -> {});
        check.completion().accept(new Completion(200, 5, Optional.empty(), Duration.ofMillis(1)));
        disconnect.run();
        assertThat(reporter.clauses()).containsExactly("JGI-DISC-7");
    }
}
