/**
 * The JGI Maven plugin: {@code mvn jgi:run} serves the project's application on the reference
 * server with the project's class path and reloads it on every recompile; {@code mvn
 * jgi:collect-static} gathers its static files. Both run the server's own {@code jgi} command in a
 * JVM of their own, laid out as {@code bin/jgi} lays it out, so that the app meets the server it
 * meets in production.
 */
package dev.jgi.maven;
