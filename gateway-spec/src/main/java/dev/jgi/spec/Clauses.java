package dev.jgi.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clauses of JGI 1.0, read from the specification bundled in this jar
 * ({@code dev/jgi/spec/jgi-1.0.md}); the build also writes them as {@code clauses.json} beside it.
 */
public final class Clauses {

    private static final String SPEC_RESOURCE = "jgi-1.0.md";

    private final Map<String, Clause> byId;

    private Clauses(List<Clause> clauses) {
        Map<String, Clause> map = new LinkedHashMap<>();
        clauses.forEach(clause -> map.put(clause.id(), clause));
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /** The clauses of the bundled specification. */
    public static Clauses load() {
        try (InputStream in = Clauses.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the specification is not on the class path: " + SPEC_RESOURCE);
            }
            return new Clauses(ClauseParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Clause> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** All clauses, in the order of the specification. */
    public List<Clause> all() {
        return List.copyOf(byId.values());
    }
}
