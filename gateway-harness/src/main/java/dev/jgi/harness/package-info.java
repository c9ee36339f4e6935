/**
 * An in-process stand-in for a JGI server, for testing applications and middleware without a
 * socket: {@link dev.jgi.harness.TestServer} runs the lifespan and whole exchanges,
 * {@link dev.jgi.harness.Communicator} lets a test drive an async exchange event by event.
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>The harness keeps the server clauses of {@code docs/spec/jgi-1.0.md} unless a
 *       {@link dev.jgi.harness.ServerFault} tells it not to: mount split, 400/404 answers, bounded
 *       body pieces, framing, 500 before commit and abort after it, hooks, capabilities.</li>
 *   <li>Methods throw {@link java.lang.NullPointerException} for a {@code null} argument.</li>
 *   <li>Every wait is bounded: an exchange that outlives {@link dev.jgi.harness.TestServer.Options#timeout()}
 *       fails the test with {@link java.lang.IllegalStateException}; a communicator's receive
 *       throws {@link java.util.concurrent.TimeoutException}.</li>
 *   <li>{@link dev.jgi.harness.TestServer} and {@link dev.jgi.harness.Communicator} are
 *       thread-safe; the records are immutable values.</li>
 * </ul>
 */
package dev.jgi.harness;
