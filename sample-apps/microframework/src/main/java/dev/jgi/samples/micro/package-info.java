/**
 * A small routing micro-framework on the JGI sync API, written to show framework authors how one
 * is built: a {@link dev.jgi.samples.micro.Router} is an ordinary {@link dev.jgi.api.Application},
 * its cross-cutting parts ({@link dev.jgi.samples.micro.Sessions}, {@link dev.jgi.samples.micro.Csrf})
 * are ordinary {@link dev.jgi.api.Middleware}, and a mounted sub-application sees its own path
 * through {@link dev.jgi.api.RequestTarget#mountedAt}.
 *
 * <p>Per-request values that middleware hands inward (the session, a parsed form) travel in
 * {@link dev.jgi.api.Request#withAttribute} [JGI-MW-4], never in the lifespan state, which every request
 * shares; {@link dev.jgi.samples.micro.Context} reads them back.
 */
package dev.jgi.samples.micro;
