package dev.jgi.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The reload swap: requests enter the current app in one step, a replaced app is stopped once after
 * its last request, and never while a request is inside it.
 */
class AppSlotTest {

    /** More threads than cores, so that some are preempted between reading the current app and entering it. */
    private static final int ENTERERS = 6;

    private static final int RELOADS = 1000;

    /** Counts its stops. */
    static final class Counting implements Application {
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public void stop() {
            stops.incrementAndGet();
        }

        @Override
        public Response handle(Request request, Exchange exchange) {
            return Response.empty(204);
        }
    }

    @Test
    void aReloadNeverLetsARequestIntoAStoppedAppNorStopsAnAppTwice() throws Exception {
        AppSlot slot = new AppSlot();
        List<Counting> apps = new ArrayList<>();
        apps.add(new Counting());
        slot.replace(apps.getFirst(), Map.of(), "app");
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong entries = new AtomicLong();
        AtomicInteger enteredStopped = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < ENTERERS; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    HostedApp app = slot.enter().orElseThrow();
                    if (((Counting) app.app()).stops.get() > 0) {
                        enteredStopped.incrementAndGet();
                    }
                    app.exit();
                    entries.incrementAndGet();
                }
            }));
        }
        for (int reload = 0; reload < RELOADS; reload++) {
            long seen = entries.get();
            while (entries.get() < seen + 50) {
                Thread.onSpinWait();
            }
            Counting next = new Counting();
            slot.replace(next, Map.of(), "app");
            apps.add(next);
        }
        done.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(enteredStopped).as("requests that entered a stopped app").hasValue(0);
        assertThat(apps.subList(0, RELOADS))
                .as("every replaced app, once its requests exited")
                .allSatisfy(app -> assertThat(app.stops).hasValue(1));
        assertThat(apps.getLast().stops).as("the current app").hasValue(0);
    }

    @Test
    void aReplacedAppStopsWhenItsLastRequestExits() {
        AppSlot slot = new AppSlot();
        Counting old = new Counting();
        slot.replace(old, Map.of(), "old");
        HostedApp inside = slot.enter().orElseThrow();
        slot.replace(new Counting(), Map.of(), "new");
        assertThat(old.stops).hasValue(0);
        assertThat(slot.enter().orElseThrow().app()).isNotSameAs(old);
        inside.exit();
        assertThat(old.stops).hasValue(1);
    }

    @Test
    void closeStopsTheCurrentAppAtOnceAndOnlyOnce() {
        AppSlot slot = new AppSlot();
        Counting app = new Counting();
        slot.replace(app, Map.of(), "app");
        HostedApp inside = slot.enter().orElseThrow();
        slot.close();
        assertThat(app.stops).hasValue(1);
        inside.exit();
        slot.close();
        assertThat(app.stops).hasValue(1);
        assertThat(slot.enter()).isEmpty();
    }

    @Test
    void aReloadAfterCloseIsRefusedAndItsAppStopped() {
        AppSlot slot = new AppSlot();
        slot.replace(new Counting(), Map.of(), "app");
        slot.close();
        Counting late = new Counting();
        assertThatThrownBy(() -> slot.replace(late, Map.of(), "late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the server is closed");
        assertThat(late.stops).hasValue(1);
    }
}
