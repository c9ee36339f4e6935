package dev.jgi.server;

import dev.jgi.server.runtime.SettingText;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings table that {@link ServerConfig}'s {@link Setting} annotations declare, read by
 * reflection: a config from text and back. Its order is the record's declaration order.
 */
final class SettingTable {

    private SettingTable() {}

    /** The declared settings, in order. */
    static List<Setting> settings() {
        return Arrays.stream(ServerConfig.class.getRecordComponents())
                .map(c -> c.getAnnotation(Setting.class))
                .toList();
    }

    /** A config from text keyed by setting name; absent keys take their default. */
    static ServerConfig parse(Map<String, String> values) {
        RecordComponent[] components = ServerConfig.class.getRecordComponents();
        Map<String, String> unknown = new LinkedHashMap<>(values);
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            Setting setting = components[i].getAnnotation(Setting.class);
            String text = unknown.containsKey(setting.name()) ? unknown.remove(setting.name()) : setting.defaultValue();
            args[i] = SettingText.parse(setting.name(), text, components[i].getGenericType());
            types[i] = components[i].getType();
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown setting: " + unknown.keySet().iterator().next());
        }
        try {
            return ServerConfig.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code config} as text keyed by setting name, in declaration order. */
    static Map<String, String> format(ServerConfig config) {
        Map<String, String> text = new LinkedHashMap<>();
        for (RecordComponent component : ServerConfig.class.getRecordComponents()) {
            try {
                text.put(
                        component.getAnnotation(Setting.class).name(),
                        SettingText.format(component.getAccessor().invoke(config)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return text;
    }
}
