package dev.jgi.samples.micro;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The session of one request: string values that {@link Sessions} loaded from the signed cookie
 * and writes back when they changed. Mutable, and confined to the thread of its request.
 */
public final class Session {

    private final Map<String, String> values;
    private boolean modified;

    Session(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public void put(String key, String value) {
        if (!value.equals(values.put(key, value))) {
            modified = true;
        }
    }

    public void remove(String key) {
        modified |= values.remove(key) != null;
    }

    /** Forgets everything, as on logout; the cookie is deleted. */
    public void clear() {
        modified |= !values.isEmpty();
        values.clear();
    }

    boolean isModified() {
        return modified;
    }

    Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
