package dev.jgi.tck.launch;

import dev.jgi.tck.Clause;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the tests that decide one of a set of clauses ({@code --clauses}): a vendor fixing one rule
 * reruns its tests in seconds, and the mutant self-test runs each fault against the tests of the
 * clauses it declares. Classes stay; JUnit prunes those left with no test.
 */
record ClauseFilter(Set<String> clauses) implements PostDiscoveryFilter {

    ClauseFilter {
        clauses = Set.copyOf(clauses);
    }

    /** The filter for a comma-separated list of clause IDs, as {@code jgi.tck.clauses} gives them. */
    static ClauseFilter parse(String list) {
        return new ClauseFilter(Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .collect(Collectors.toSet()));
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        return descriptor
                .getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> decides(((MethodSource) source).getJavaMethod().getAnnotationsByType(Clause.class)))
                .orElseGet(() -> FilterResult.included("not a test method"));
    }

    private FilterResult decides(Clause[] declared) {
        return FilterResult.includedIf(
                Arrays.stream(declared).map(Clause::value).anyMatch(clauses::contains),
                () -> "decides one of " + clauses,
                () -> "decides none of " + clauses);
    }
}
