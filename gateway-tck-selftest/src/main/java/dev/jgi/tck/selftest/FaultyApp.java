package dev.jgi.tck.selftest;

import java.util.function.Supplier;

/**
 * An application that breaks one application clause, for the application suite to catch.
 *
 * @param name    a short name for the report
 * @param clause  the clause it breaks, which the suite must report
 * @param factory makes a new instance (an Application or an AsyncApplication)
 */
public record FaultyApp(String name, String clause, Supplier<Object> factory) {}
