package dev.jgi.validator;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Remembers which exchanges (or channels) {@code handle} saw, to tell when the server, or a
 * middleware acting as one, calls it twice for one request [JGI-APP-1] [JGI-MW-3].
 */
final class OnceCheck {

    private final Set<Object> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    void check(Object exchange, Reporter reporter) {
        if (exchange != null && !seen.add(exchange)) {
            reporter.report(Violation.byServer("JGI-MW-3", "handle was called a second time for the same exchange"));
        }
    }
}
