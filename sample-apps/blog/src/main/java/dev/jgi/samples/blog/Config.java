package dev.jgi.samples.blog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blog's settings, the twelve-factor way. Each is looked up in the process environment, then
 * in the system properties (where the reference server's {@code --env-file} puts a {@code .env}
 * file's entries), then in {@code .env} in the working directory.
 *
 * @param databaseUrl {@code DATABASE_URL}: {@code postgres://user:password@host:port/name} or any
 *                    {@code jdbc:} URL; empty for the embedded H2 file database {@code ./blog-db}
 * @param secretKey   {@code SECRET_KEY}: signs session cookies; the server requires at least 16
 *                    characters ({@link #requireSecretKey()})
 * @param debug       {@code DEBUG}: {@code true} for development (migrations at start-up,
 *                    templates re-read on every request, cookies without {@code Secure})
 * @param pool        {@code DB_POOL_SIZE} and {@code DB_POOL_WAIT_SECONDS}: the PostgreSQL connections
 *                    this instance keeps (default 10) and how long a request waits for one (default 5)
 * @param logins      {@code LOGIN_FAILURES_PER_ACCOUNT} (default 10), {@code LOGIN_FAILURES_PER_ADDRESS}
 *                    (default 50) and {@code LOGIN_THROTTLE_MINUTES} (default 15)
 */
public record Config(
        Optional<String> databaseUrl, String secretKey, boolean debug, Pool pool, LoginThrottle.Limits logins) {

    /**
     * The connection pool of one instance. Every instance keeps {@code size} connections open, so
     * instances times {@code size} must stay below PostgreSQL's {@code max_connections} (100 by default).
     *
     * @param size the connections kept open, 1 to 1000
     * @param timeout how long a request waits for a free connection before it is answered 503
     */
    public record Pool(int size, Duration timeout) {
        public Pool {
            if (size < 1 || size > 1000) {
                throw new IllegalArgumentException("DB_POOL_SIZE must be 1 to 1000, got " + size);
            }
            if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("DB_POOL_WAIT_SECONDS must be at least 1");
            }
        }
    }

    /**
     * The secret key, for the server that signs cookies; the admin commands, which sign nothing,
     * run without one.
     *
     * @throws IllegalArgumentException when it is missing or shorter than 16 characters
     */
    public String requireSecretKey() {
        if (secretKey.length() < 16) {
            throw new IllegalArgumentException("SECRET_KEY must be set to at least 16 random characters "
                    + "(in the environment or in .env); for example: SECRET_KEY=$(openssl rand -hex 32)");
        }
        return secretKey;
    }

    private static final List<String> NAMES = List.of(
            "DATABASE_URL",
            "SECRET_KEY",
            "DEBUG",
            "DB_POOL_SIZE",
            "DB_POOL_WAIT_SECONDS",
            "LOGIN_FAILURES_PER_ACCOUNT",
            "LOGIN_FAILURES_PER_ADDRESS",
            "LOGIN_THROTTLE_MINUTES");

    /** The settings of this process: its environment, over system properties, over {@code ./.env}. */
    public static Config fromEnvironment() throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String name : NAMES) {
            String value = System.getenv().getOrDefault(name, System.getProperty(name));
            if (value != null) {
                settings.put(name, value);
            }
        }
        return from(settings, Path.of(".env"));
    }

    /**
     * The settings from {@code environment}, falling back to the {@code dotEnv} file if it exists.
     *
     * @throws IllegalArgumentException naming the setting whose value is not a number in its range
     */
    public static Config from(Map<String, String> environment, Path dotEnv) throws IOException {
        Map<String, String> merged =
                new HashMap<>(Files.isRegularFile(dotEnv) ? DotEnv.parse(Files.readString(dotEnv)) : Map.of());
        merged.putAll(environment);
        return new Config(
                Optional.ofNullable(merged.get("DATABASE_URL")).filter(s -> !s.isBlank()),
                merged.getOrDefault("SECRET_KEY", ""),
                Boolean.parseBoolean(merged.getOrDefault("DEBUG", "false").strip()),
                new Pool(
                        number(merged, "DB_POOL_SIZE", 10),
                        Duration.ofSeconds(number(merged, "DB_POOL_WAIT_SECONDS", 5))),
                new LoginThrottle.Limits(
                        number(merged, "LOGIN_FAILURES_PER_ACCOUNT", 10),
                        number(merged, "LOGIN_FAILURES_PER_ADDRESS", 50),
                        Duration.ofMinutes(number(merged, "LOGIN_THROTTLE_MINUTES", 15))));
    }

    private static int number(Map<String, String> settings, String name, int fallback) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + value.strip(), e);
        }
    }
}
