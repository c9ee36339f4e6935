/**
 * The JGI 1.0 application interfaces: what a server hands an application, and what the
 * application hands back. The normative text is {@code docs/spec/jgi-1.0.md}; each rule there has
 * a clause ID such as {@code JGI-RESP-3}, which this javadoc cites instead of restating lists.
 *
 * <h2>Which interface</h2>
 * <ul>
 *   <li>{@link dev.jgi.api.Application}: one request in, one {@link dev.jgi.api.Response} out, on
 *       a thread that may block (a virtual thread by default). The WSGI analogue; the right choice
 *       for almost every web application.</li>
 *   <li>{@link dev.jgi.api.AsyncApplication}: typed {@link dev.jgi.api.Event}s in,
 *       {@link dev.jgi.api.Action}s out, never blocking. The ASGI analogue; needed for WebSocket
 *       and for servers of many long-lived connections that do little work each.</li>
 * </ul>
 * The two have the same lambda shape, so no entry point overloads on them: each that takes an
 * application has a name per kind ({@code builder} and {@code builderAsync}, {@code wrap} and
 * {@code wrapAsync}, {@code start} and {@code startAsync}), and a lambda needs no cast. A
 * {@link dev.jgi.api.Body.Writer} lambda becomes a body through {@link dev.jgi.api.Body#writer}.
 *
 * <h2>Package-wide policy</h2>
 * <ul>
 *   <li>Every method and constructor throws {@link java.lang.NullPointerException} for a
 *       {@code null} argument unless its javadoc says otherwise; absence is
 *       {@link java.util.Optional}.</li>
 *   <li>Records of this package are immutable values: collections are copied, byte buffers are
 *       exposed as read-only views.</li>
 *   <li>Constructors validate what can be checked locally (header syntax, status range, mount
 *       invariants) and name the violated clause in the exception message.</li>
 * </ul>
 */
package dev.jgi.api;
