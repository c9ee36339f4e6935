package dev.jgi.tck;

import dev.jgi.api.Capability;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The optional capability a test needs. A server that does not declare it in its
 * {@link dev.jgi.api.ServerInfo} has the test skipped, with the reason in the report.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {

    Capability value();
}
