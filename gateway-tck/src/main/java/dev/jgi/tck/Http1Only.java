package dev.jgi.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A server test that runs over HTTP/1.1 only, whatever protocols the server declares, because what
 * it checks exists only there (connection reuse, chunked framing, the status line) or because it
 * drives an HTTP/1.1 connection byte by byte. The reason is required: the vendor guide lists them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Http1Only {

    /** Why the test has no HTTP/2 form. */
    String value();
}
