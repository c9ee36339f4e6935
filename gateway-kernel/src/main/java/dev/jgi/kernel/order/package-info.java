/**
 * The order of an async exchange's actions [JGI-ASYNC-3] [JGI-ASYNC-4] [JGI-ASYNC-5] [JGI-CAP-5]
 * [JGI-WS-3] [JGI-WS-8] [JGI-WS-12] [JGI-WS-13]: {@link dev.jgi.kernel.order.ActionOrder} says
 * whether an action may come now; a {@link dev.jgi.kernel.order.Breach} says which clause it breaks
 * and what the server does instead ({@link dev.jgi.kernel.order.Duty}).
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>Methods throw {@link java.lang.NullPointerException} for a {@code null} argument.</li>
 *   <li>Orders are thread-safe; {@link dev.jgi.kernel.order.Breach} and
 *       {@link dev.jgi.kernel.order.CloseCodes} are values and functions.</li>
 *   <li>A breach's reason may name the subprotocols involved, never the application's data.</li>
 * </ul>
 */
package dev.jgi.kernel.order;
