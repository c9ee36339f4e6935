package dev.jgi.samples.blog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
public record Config(Optional<String> databaseUrl, String secretKey, boolean debug) {

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

    private static final List<String> NAMES = List.of("DATABASE_URL", "SECRET_KEY", "DEBUG");

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

    /** The settings from {@code environment}, falling back to the {@code dotEnv} file if it exists. */
    public static Config from(Map<String, String> environment, Path dotEnv) throws IOException {
        Map<String, String> merged =
                new HashMap<>(Files.isRegularFile(dotEnv) ? DotEnv.parse(Files.readString(dotEnv)) : Map.of());
        merged.putAll(environment);
        return new Config(
                Optional.ofNullable(merged.get("DATABASE_URL")).filter(s -> !s.isBlank()),
                merged.getOrDefault("SECRET_KEY", ""),
                Boolean.parseBoolean(merged.getOrDefault("DEBUG", "false").strip()));
    }
}
