package dev.jgi.api;

import java.util.Map;

/**
 * Code around a sync {@link Application}: it sees each request before the application and each
 * response after it.
 *
 * <p><b>Middleware obligations</b>
 * <ul>
 *   <li>[JGI-MW-1] Wrapping MUST hand start and stop through to the wrapped application, once
 *       each; {@link #wrap} does.</li>
 *   <li>[JGI-MW-2] A middleware that changes the request target MUST keep its invariants (use
 *       {@link RequestTarget#mountedAt}).</li>
 *   <li>[JGI-MW-3] A middleware MUST call {@code next} at most once per request.</li>
 * </ul>
 *
 * {@snippet file="dev/jgi/api/Snippets.java" region="middleware"}
 */
@FunctionalInterface
public interface Middleware {

    Response handle(Request request, Exchange exchange, Application next) throws Exception;

    /** The application with this middleware around it; lifespan goes to {@code app} [JGI-MW-1]. */
    default Application wrap(Application app) {
        Middleware self = this;
        return new Application() {
            @Override
            public Response handle(Request request, Exchange exchange) throws Exception {
                return self.handle(request, exchange, app);
            }

            @Override
            public Map<String, Object> start(ServerInfo server) throws Exception {
                return app.start(server);
            }

            @Override
            public void stop() throws Exception {
                app.stop();
            }
        };
    }

    /** This middleware outside {@code inner}: requests pass through this one first. */
    default Middleware andThen(Middleware inner) {
        Middleware outer = this;
        return (request, exchange, next) -> outer.handle(request, exchange, inner.wrap(next));
    }
}
