package dev.jgi.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A server test that runs over HTTP/2 only (h2 and h2c, when the server declares them), because
 * what it checks exists only there: DATA framing against {@code content-length}, pseudo-header
 * fields. Over HTTP/1.1 it has no invocation rather than a skipped one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Http2Only {}
