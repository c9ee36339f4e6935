package dev.jgi.kernel.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Completion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CompletionHooksTest {

    private static final Completion DONE = new Completion(200, 5, Optional.empty(), Duration.ofMillis(3));

    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final CompletionHooks hooks =
            new CompletionHooks((message, failure) -> failures.add(message + ": " + failure.getMessage()));

    @Test
    void hooksRunNewestFirstWithTheCompletion() {
        List<String> ran = new ArrayList<>();
        hooks.add(done -> ran.add("first " + done.status()));
        hooks.add(done -> ran.add("second " + done.bytesSent()));
        hooks.add(done -> ran.add("third"));

        hooks.run(DONE);

        assertThat(ran).containsExactly("third", "second 5", "first 200");
    }

    @Test
    void hooksRunOnceHoweverOftenRunIsCalled() {
        List<Completion> seen = new ArrayList<>();
        hooks.add(seen::add);

        hooks.run(DONE);
        hooks.run(new Completion(500, 0, Optional.empty(), Duration.ZERO));

        assertThat(seen).containsExactly(DONE);
    }

    @Test
    void aFailingHookIsLoggedAndTheOthersStillRun() {
        List<String> ran = new ArrayList<>();
        hooks.add(done -> ran.add("first"));
        hooks.add(done -> {
            throw new IllegalStateException("boom");
        });
        hooks.add(done -> {
            throw new AssertionError("an error too");
        });
        hooks.add(done -> ran.add("last"));

        hooks.run(DONE);

        assertThat(ran).containsExactly("last", "first");
        assertThat(failures)
                .containsExactly(
                        "[JGI-DONE-4] a completion hook failed: an error too",
                        "[JGI-DONE-4] a completion hook failed: boom");
    }

    @Test
    void aVirtualMachineErrorIsNotSwallowed() {
        hooks.add(done -> {
            throw new OutOfMemoryError("gone");
        });

        assertThatThrownBy(() -> hooks.run(DONE)).isInstanceOf(OutOfMemoryError.class);
        assertThat(failures).isEmpty();
    }

    @Test
    void aHookRegisteredAfterTheRunIsRefusedNamingTheClause() {
        List<String> ran = new ArrayList<>();
        hooks.run(DONE);

        assertThatThrownBy(() -> hooks.add(done -> ran.add("late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("[JGI-APP-8]");
        assertThat(ran).isEmpty();
    }

    @Test
    void aHookRegisteredByAHookIsRefusedAndReportedAsItsFailure() {
        List<String> ran = new ArrayList<>();
        hooks.add(done -> hooks.add(again -> ran.add("nested")));

        hooks.run(DONE);

        assertThat(ran).isEmpty();
        assertThat(failures).singleElement().asString().contains("[JGI-APP-8]");
    }

    @Test
    void isEmptyAndHasRunTellTheServerWhereTheExchangeIs() {
        assertThat(hooks.isEmpty()).isTrue();
        assertThat(hooks.hasRun()).isFalse();

        hooks.add(done -> {});
        assertThat(hooks.isEmpty()).isFalse();

        hooks.run(DONE);
        assertThat(hooks.hasRun()).isTrue();
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> hooks.add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> hooks.run(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CompletionHooks(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void concurrentRegistrationsAndOneRunLoseNoHookAndRunNoneTwice() throws Exception {
        int threads = 8;
        int perThread = 500;
        List<Integer> ran = new CopyOnWriteArrayList<>();
        List<Integer> refused = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> adders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                adders.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        int id = base + i;
                        try {
                            hooks.add(done -> ran.add(id));
                        } catch (IllegalStateException late) {
                            refused.add(id);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            hooks.run(DONE);
            for (Future<?> adder : adders) {
                adder.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ran).doesNotHaveDuplicates();
        assertThat(ran.size() + refused.size()).isEqualTo(threads * perThread);
        assertThat(ran).doesNotContainAnyElementsOf(refused);
    }
}
