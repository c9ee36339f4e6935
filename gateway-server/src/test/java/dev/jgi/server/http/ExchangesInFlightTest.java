package dev.jgi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The exchanges in flight on a connection: a drain reaches every one still running, the one held
 * in the field and those in the set alike, and none that ended, wherever it ended.
 */
class ExchangesInFlightTest {

    private static HttpServerExchange exchange() {
        return new HttpServerExchange(null).setPersistent(true);
    }

    @Test
    void aDrainReachesTheOnlyExchangeAndTheConcurrentOnes() {
        ExchangesInFlight inFlight = new ExchangesInFlight();
        HttpServerExchange first = exchange();
        HttpServerExchange second = exchange();
        HttpServerExchange third = exchange();
        inFlight.add(first);
        inFlight.add(second);
        inFlight.add(third);

        inFlight.closeAfterResponses();

        assertThat(List.of(first, second, third)).noneMatch(HttpServerExchange::isPersistent);
    }

    @Test
    void anEndedExchangeIsNotReachedAndItsPlaceIsTakenByTheNext() {
        ExchangesInFlight inFlight = new ExchangesInFlight();
        HttpServerExchange ended = exchange();
        HttpServerExchange stillInSet = exchange();
        inFlight.add(ended);
        inFlight.add(stillInSet);
        inFlight.remove(ended);
        HttpServerExchange next = exchange();
        inFlight.add(next);
        inFlight.remove(stillInSet);

        inFlight.closeAfterResponses();

        assertThat(ended.isPersistent()).isTrue();
        assertThat(stillInSet.isPersistent()).isTrue();
        assertThat(next.isPersistent()).isFalse();
    }

    @Test
    void exchangesEndingOnOtherThreadsLeaveNoneBehind() throws InterruptedException {
        ExchangesInFlight inFlight = new ExchangesInFlight();
        List<HttpServerExchange> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            HttpServerExchange started = exchange();
            all.add(started);
            inFlight.add(started);
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> enders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            enders.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = offset; i < all.size(); i += 4) {
                    inFlight.remove(all.get(i));
                }
            }));
        }
        go.countDown();
        for (Thread ender : enders) {
            ender.join();
        }

        inFlight.closeAfterResponses();

        assertThat(all).allMatch(HttpServerExchange::isPersistent);
    }
}
