package dev.jgi.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec clause a test decides, by ID (for example {@code JGI-FRAME-4}). A test may carry several;
 * the report gives each clause the verdicts of its tests, and the build fails on an ID that is not
 * in the spec.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Clauses.class)
public @interface Clause {

    /** The clause ID, as in {@code docs/spec/jgi-1.0.md}. */
    String value();
}
