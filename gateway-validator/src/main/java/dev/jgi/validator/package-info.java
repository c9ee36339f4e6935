/**
 * A run-time checker of the JGI contract: {@link dev.jgi.validator.Validator} wraps an
 * application and reports each breach, by either party, as a {@link dev.jgi.validator.Violation}
 * naming its clause of {@code docs/spec/jgi-1.0.md}.
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>The wrapper is transparent: it hands every call, result and failure through unchanged,
 *       except that a {@link dev.jgi.validator.Reporter} that throws turns a violation into a
 *       failure at the point it was seen (and an out-of-order action is then not forwarded).</li>
 *   <li>A middleware is the server of the application it wraps: wrap the inner application to
 *       check the middleware; faults found there are reported against the server.</li>
 *   <li>Methods throw {@link java.lang.NullPointerException} for a {@code null} argument.</li>
 *   <li>Wrappers are thread-safe; reporters are called on whichever thread saw the violation.</li>
 * </ul>
 */
package dev.jgi.validator;
