package dev.jgi.samples.blog;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per account and per client address in fixed windows. Once either count
 * reaches its limit, further attempts are refused, before any password is hashed, until the window
 * ends: guessing one account's password from many addresses and many accounts' from one address are
 * both slowed, and a flood of wrong passwords no longer costs a hash each. Memory is bounded: each
 * table keeps at most {@link #MAX_KEYS} entries, forgetting the least recently used.
 */
final class LoginThrottle {

    /**
     * @param perAccount failures allowed per account within a window
     * @param perAddress failures allowed per client address (an IPv6 client by its /64) within a window
     * @param window     how long failures are counted, and how long a blocked client waits at most
     */
    record Limits(int perAccount, int perAddress, Duration window) {
        Limits {
            if (perAccount < 1 || perAddress < 1) {
                throw new IllegalArgumentException(
                        "LOGIN_FAILURES_PER_ACCOUNT and LOGIN_FAILURES_PER_ADDRESS must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("LOGIN_THROTTLE_MINUTES must be at least 1");
            }
        }
    }

    /** About 100 bytes an entry: two full tables stay under a few megabytes. */
    static final int MAX_KEYS = 10_000;

    private record Window(Instant start, int failures) {}

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Window> accounts = lru();
    private final Map<String, Window> addresses = lru();

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long this account or address must wait before it may try again; empty when it may try now. */
    synchronized Optional<Duration> retryAfter(String account, SocketAddress client) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        wait = longer(wait, blockedFor(accounts, accountKey(account), limits.perAccount(), now));
        wait = longer(wait, blockedFor(addresses, addressKey(client), limits.perAddress(), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void failed(String account, SocketAddress client) {
        Instant now = clock.instant();
        count(accounts, accountKey(account), now);
        count(addresses, addressKey(client), now);
    }

    /** A correct password clears the account's count; the address keeps its own. */
    synchronized void succeeded(String account) {
        accounts.remove(accountKey(account));
    }

    /** The entries held in both tables. */
    synchronized int size() {
        return accounts.size() + addresses.size();
    }

    private Duration blockedFor(Map<String, Window> table, String key, int limit, Instant now) {
        Window window = table.get(key);
        if (window == null || window.failures() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, window.start().plus(limits.window()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void count(Map<String, Window> table, String key, Instant now) {
        Window window = table.get(key);
        if (window == null || !now.isBefore(window.start().plus(limits.window()))) {
            table.put(key, new Window(now, 1));
        } else {
            table.put(key, new Window(window.start(), window.failures() + 1));
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String accountKey(String account) {
        return account.toLowerCase(Locale.ROOT);
    }

    /** One key per IPv4 address, per IPv6 /64 (what one subscriber gets), per Unix-socket peer. */
    static String addressKey(SocketAddress client) {
        if (client instanceof InetSocketAddress inet && inet.getAddress() != null) {
            byte[] bytes = inet.getAddress().getAddress();
            if (inet.getAddress() instanceof Inet6Address) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return Arrays.toString(bytes);
            }
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(client);
    }

    private static Map<String, Window> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }
}
