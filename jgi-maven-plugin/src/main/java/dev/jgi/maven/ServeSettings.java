package dev.jgi.maven;

import dev.jgi.server.ServerConfig;
import dev.jgi.server.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code jgi serve} settings a build asks for, as command-line options. The names are the
 * server's own ({@link ServerConfig#settings()}), so that every setting is a plugin parameter and
 * a new one needs no change here. Sources, later ones winning: the plugin's {@code <settings>}, the
 * project's properties {@code jgi.NAME}, the command line's {@code -Djgi.NAME=VALUE}. What none of
 * them sets the server reads from {@code JGI_*} variables, its config file or its defaults.
 */
final class ServeSettings {

    /** The prefix of a setting's name as a Maven property. */
    static final String PROPERTY_PREFIX = "jgi.";

    private final Map<String, String> values;

    private ServeSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * @throws IllegalArgumentException when {@code configured} names a setting the server does not have
     */
    static ServeSettings of(Map<String, String> configured, Properties project, Properties commandLine) {
        Set<String> known = new TreeSet<>();
        ServerConfig.settings().stream().map(Setting::name).forEach(known::add);
        Map<String, String> values = new LinkedHashMap<>();
        configured.forEach((name, value) -> {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("<settings> names '" + name
                        + "', which is no setting of jgi serve; the settings are: " + String.join(", ", known));
            }
            values.put(name, value == null ? "" : value);
        });
        for (Properties properties : List.of(project, commandLine)) {
            for (String name : known) {
                String value = properties.getProperty(PROPERTY_PREFIX + name);
                if (value != null) {
                    values.put(name, value);
                }
            }
        }
        return new ServeSettings(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** This with {@code name} set to {@code value}, unless the build already set it. */
    ServeSettings withDefault(String name, String value) {
        if (has(name)) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(name, value);
        return new ServeSettings(more);
    }

    /** {@code --NAME VALUE} for each setting, in name order so that the command line reads predictably. */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        new TreeSet<>(values.keySet()).forEach(name -> {
            arguments.add("--" + name);
            arguments.add(values.get(name));
        });
        return arguments;
    }
}
