package dev.jgi.validator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Reporter} that keeps the violations in the order they were seen. Thread-safe. */
public final class CollectingReporter implements Reporter {

    private final List<Violation> violations = new CopyOnWriteArrayList<>();

    /** A reporter that has seen no violation yet. */
    public CollectingReporter() {}

    @Override
    public void report(Violation violation) {
        violations.add(violation);
    }

    /** A snapshot of the violations so far. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** The clause IDs of the violations so far, in order, repeats kept. */
    public List<String> clauses() {
        return violations.stream().map(Violation::clause).toList();
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public void clear() {
        violations.clear();
    }
}
