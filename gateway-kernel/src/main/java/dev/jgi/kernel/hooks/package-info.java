/**
 * Completion hooks [JGI-DONE-1] [JGI-DONE-2] [JGI-DONE-4]: {@link dev.jgi.kernel.hooks.CompletionHooks}
 * keeps the hooks of one exchange and runs them once when the server says the exchange is over,
 * with the one rule for a hook registered too late. {@link dev.jgi.kernel.hooks.Signal} keeps the
 * disconnect [JGI-DISC-6] or drain [JGI-LIFE-9] callbacks of one exchange, and
 * {@link dev.jgi.kernel.hooks.Drain} fires the drain signals of a server's exchanges in flight.
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>Methods throw {@link java.lang.NullPointerException} for a {@code null} argument.</li>
 *   <li>Thread-safe; hooks run on the thread that runs them, which the server chooses (the
 *       request's thread for a sync application, the I/O thread for an async one).</li>
 * </ul>
 */
package dev.jgi.kernel.hooks;
