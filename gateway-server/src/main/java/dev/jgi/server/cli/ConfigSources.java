package dev.jgi.server.cli;

import dev.jgi.server.ServerConfig;
import dev.jgi.server.Setting;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where settings come from, in one precedence: command-line flags, then {@code JGI_*} environment
 * variables, then the config file, then the defaults declared on {@link ServerConfig}. Unknown keys
 * fail fast in every source.
 *
 * <p>The config file is a Java {@code .properties} file whose keys are the long option names
 * without dashes in front ({@code max-body-size = 20MiB}); list values are comma-separated.
 */
final class ConfigSources {

    /** Environment variables the {@code jgi} script itself reads, not settings. */
    static final Set<String> SCRIPT_VARIABLES = Set.of("JGI_JAVA_OPTS", "JGI_AOT_CACHE", "JGI_CONFIG", "JGI_CLASSPATH");

    private ConfigSources() {}

    /** The environment variable of a setting: {@code max-body-size} is {@code JGI_MAX_BODY_SIZE}. */
    static String variable(String setting) {
        return "JGI_" + setting.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Merges the sources into the text form of a config.
     *
     * @param flags settings given on the command line
     * @param env   the process environment
     * @param file  the config file, or null
     * @throws IllegalArgumentException naming the source and key, for an unknown key
     */
    static Map<String, String> merge(Map<String, String> flags, Map<String, String> env, Path file) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (Setting setting : ServerConfig.settings()) {
            names.put(variable(setting.name()), setting.name());
        }
        Map<String, String> merged = new LinkedHashMap<>();
        if (file != null) {
            merged.putAll(readFile(file, names));
        }
        for (Map.Entry<String, String> entry : env.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith("JGI_") || SCRIPT_VARIABLES.contains(key)) {
                continue;
            }
            String setting = names.get(key);
            if (setting == null) {
                throw new IllegalArgumentException("unknown environment variable " + key + " (settings are "
                        + String.join(", ", names.keySet()) + ")");
            }
            merged.put(setting, entry.getValue());
        }
        merged.putAll(flags);
        if (!merged.containsKey("bind") && env.containsKey("PORT")) {
            merged.put("bind", "0.0.0.0:" + env.get("PORT").strip());
        }
        return merged;
    }

    private static Map<String, String> readFile(Path file, Map<String, String> names) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("config file not found: " + file);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!names.containsValue(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in " + file);
            }
            values.put(key, properties.getProperty(key));
        }
        return values;
    }
}
