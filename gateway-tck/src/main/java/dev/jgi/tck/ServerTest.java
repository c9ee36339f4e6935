package dev.jgi.tck;

import dev.jgi.tck.run.ServerTestInvocations;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server-suite test: runs once per probe variant, each time with a {@link Probe} parameter bound
 * to that deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@Tag("server")
@ExtendWith(ServerTestInvocations.class)
public @interface ServerTest {

    /** The deployments to run against; both interfaces by default. */
    Variant[] value() default {Variant.SYNC, Variant.ASYNC};
}
