package dev.jgi.compression;

import dev.jgi.api.AsyncMiddleware;
import dev.jgi.api.Middleware;

/**
 * Response compression, what Starlette's {@code GZipMiddleware}, Rack's {@code Deflater} and
 * Jetty's {@code CompressionHandler} are: gzip and brotli, chosen by {@code Accept-Encoding}.
 *
 * <ul>
 *   <li>Negotiates by the client's weights, {@code *} and {@code identity} included, preferring the
 *       earlier of {@link Options#codings()} on a tie; adds {@code Vary: accept-encoding} to every
 *       response whose representation could vary by coding.</li>
 *   <li>Never compresses a partial response (206, or one with {@code Content-Range}), a body that
 *       already has a {@code Content-Encoding}, a {@code no-transform} response, a response to HEAD,
 *       a type outside {@link Options#types()}, or a body of known length under
 *       {@link Options#minLength()}.</li>
 *   <li>Streams: a flush of the application's body (sync) or each body piece (async) is passed on
 *       as a flush of the coding, so server-sent events and long downloads reach the client as they
 *       are produced; no whole body is held in memory.</li>
 *   <li>Uses {@code dev.jgi.api} alone, so it runs on every conforming server and passes the
 *       validator.</li>
 * </ul>
 */
public final class Compression {

    private Compression() {}

    /** For sync applications, with {@link Options#defaults()}. */
    public static Middleware middleware() {
        return middleware(Options.defaults());
    }

    public static Middleware middleware(Options options) {
        return new SyncCompression(options);
    }

    /** For async applications, with {@link Options#defaults()}. */
    public static AsyncMiddleware asyncMiddleware() {
        return asyncMiddleware(Options.defaults());
    }

    public static AsyncMiddleware asyncMiddleware(Options options) {
        return (request, channel, next) -> next.handle(request, new CompressingChannel(request, channel, options));
    }
}
