/**
 * The response an application produced, checked before a server sends it:
 * {@link dev.jgi.kernel.response.ResponseHead} for the status and header fields [JGI-RESP-1]
 * [JGI-RESP-4] [JGI-FRAME-5], {@link dev.jgi.kernel.response.BodyLength} for the body against its
 * {@code content-length} [JGI-FRAME-5] [JGI-FRAME-6]. Each breach names both clauses: the one the
 * application broke, for a validator, and the one that tells the server what to do, for its log.
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>Methods throw {@link java.lang.NullPointerException} for a {@code null} argument.</li>
 *   <li>{@link dev.jgi.kernel.response.ResponseHead} is stateless and safe from any thread;
 *       a {@link dev.jgi.kernel.response.BodyLength} belongs to the one body it counts.</li>
 *   <li>Messages never quote the application's data beyond field names and numbers.</li>
 * </ul>
 */
package dev.jgi.kernel.response;
