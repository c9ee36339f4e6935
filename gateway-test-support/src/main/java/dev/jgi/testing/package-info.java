/**
 * What the project's tests run against, all of it real and shared so that it exists once: a child
 * process launcher ({@link dev.jgi.testing.Command}, {@link dev.jgi.testing.ChildProcess}), the
 * {@code bin/jgi} process ({@link dev.jgi.testing.JgiProcess}), nginx ({@link dev.jgi.testing.Nginx}),
 * raw HTTP/1.1 over the TCK's client ({@link dev.jgi.testing.RawHttp}) and the one polling wait
 * ({@link dev.jgi.testing.Eventually}). Test scope only: nothing here ships.
 */
package dev.jgi.testing;
