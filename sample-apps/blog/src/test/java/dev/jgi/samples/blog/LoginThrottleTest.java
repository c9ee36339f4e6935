package dev.jgi.samples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final InetSocketAddress HOME = new InetSocketAddress("192.0.2.1", 50000);
    private static final InetSocketAddress ELSEWHERE = new InetSocketAddress("198.51.100.7", 50000);

    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final LoginThrottle throttle =
            new LoginThrottle(new LoginThrottle.Limits(3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void accountIsBlockedAfterItsLimitFromAnyAddressUntilTheWindowEnds() {
        throttle.failed("editor", HOME);
        throttle.failed("editor", HOME);
        assertThat(throttle.retryAfter("editor", HOME)).isEmpty();
        throttle.failed("Editor", HOME);
        assertThat(throttle.retryAfter("editor", ELSEWHERE)).hasValue(Duration.ofMinutes(15));
        now = now.plus(Duration.ofMinutes(10));
        assertThat(throttle.retryAfter("editor", ELSEWHERE)).hasValue(Duration.ofMinutes(5));
        now = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter("editor", ELSEWHERE)).isEmpty();
    }

    @Test
    void addressIsBlockedAfterItsLimitAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, HOME);
        }
        assertThat(throttle.retryAfter("someone-else", HOME)).isPresent();
        assertThat(throttle.retryAfter("someone-else", ELSEWHERE)).isEmpty();
    }

    @Test
    void successClearsTheAccountsCount() {
        throttle.failed("editor", HOME);
        throttle.failed("editor", HOME);
        throttle.succeeded("editor");
        throttle.failed("editor", HOME);
        throttle.failed("editor", HOME);
        assertThat(throttle.retryAfter("editor", HOME)).isEmpty();
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        InetSocketAddress one = new InetSocketAddress("2001:db8:1:2::1", 1);
        InetSocketAddress sameNetwork = new InetSocketAddress("2001:db8:1:2:ffff::9", 1);
        InetSocketAddress otherNetwork = new InetSocketAddress("2001:db8:1:3::1", 1);
        assertThat(LoginThrottle.addressKey(one)).isEqualTo(LoginThrottle.addressKey(sameNetwork));
        assertThat(LoginThrottle.addressKey(one)).isNotEqualTo(LoginThrottle.addressKey(otherNetwork));
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfAccounts() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 5_000; i++) {
            throttle.failed("flood" + i, new InetSocketAddress("10.0." + (i / 250 % 250) + "." + (i % 250), 1));
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(2 * LoginThrottle.MAX_KEYS);
        // The most recent keys are kept.
        throttle.failed("flood" + (LoginThrottle.MAX_KEYS + 4_999), HOME);
        throttle.failed("flood" + (LoginThrottle.MAX_KEYS + 4_999), HOME);
        assertThat(throttle.retryAfter("flood" + (LoginThrottle.MAX_KEYS + 4_999), ELSEWHERE))
                .isPresent();
    }
}
