/**
 * systemd integration for {@code jgi serve}: readiness, status, watchdog and stopping over
 * {@code $NOTIFY_SOCKET} ({@link dev.jgi.server.systemd.ServiceManager}), and listening sockets
 * inherited by socket activation ({@link dev.jgi.server.systemd.InheritedSocket}).
 *
 * <p>Two things need libc, which the JDK does not offer: a datagram Unix socket (JDK 16+ Unix
 * channels are stream-only) and {@code dup2}. They are called through JNA rather than a Java 22+
 * foreign-function class in a multi-release jar: the server targets Java 21, where the FFM API is
 * still a preview, and one implementation that runs on every supported JDK is also the one the
 * tests run in-process (a multi-release jar's versioned classes are invisible to tests that run
 * from {@code target/classes}). JNA is loaded only when systemd asks for either.
 */
package dev.jgi.server.systemd;
