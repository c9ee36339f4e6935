/**
 * The request target as JGI hands it to an application: {@link dev.jgi.kernel.target.TargetParser}
 * turns the target a client sent into a {@link dev.jgi.api.RequestTarget}, or refuses it with the
 * status and clause the server answers [JGI-PATH-5] [JGI-PATH-6] [JGI-PATH-8].
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>Input is the target as received: a {@code String} whose characters are the octets the
 *       client sent (ISO-8859-1, as Undertow and Servlet containers hand it over).</li>
 *   <li>Methods throw {@link java.lang.NullPointerException} for a {@code null} argument.</li>
 *   <li>Everything here is stateless and safe to call from any thread.</li>
 * </ul>
 */
package dev.jgi.kernel.target;
