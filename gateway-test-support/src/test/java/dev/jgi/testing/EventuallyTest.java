package dev.jgi.testing;

import static dev.jgi.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsAtTheFirstPassingCheck() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        eventually(() -> assertThat(calls.incrementAndGet()).isEqualTo(1));
        assertThat(calls).hasValue(1);
    }

    @Test
    void triesAgainWhileTheCheckFailsOrCannotConnectYet() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        eventually(() -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new IOException("connection refused");
            }
            assertThat(call).isGreaterThanOrEqualTo(5);
        });
        assertThat(calls).hasValue(5);
    }

    @Test
    void failsAfterTheDeadlineWithTheLastFailureAsCause() {
        assertThatThrownBy(() -> eventually(
                        Duration.ofMillis(50),
                        () -> assertThat(1).as("the answer").isEqualTo(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not so within PT0.05S")
                .hasMessageContaining("the answer")
                .cause()
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anyOtherExceptionEndsTheWaitAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> eventually(() -> {
                    calls.incrementAndGet();
                    throw new IllegalStateException("the process is dead");
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the process is dead");
        assertThat(calls).hasValue(1);
    }
}
