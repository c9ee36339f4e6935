package dev.jgi.api;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Code around an {@link AsyncApplication}. To see events or actions it hands {@code next} a
 * {@link Channel} of its own that delegates to the server's. The obligations of
 * {@link Middleware} hold here too [JGI-MW-1] [JGI-MW-2] [JGI-MW-3].
 */
@FunctionalInterface
public interface AsyncMiddleware {

    CompletionStage<Void> handle(Request request, Channel channel, AsyncApplication next);

    /** The application with this middleware around it; lifespan goes to {@code app} [JGI-MW-1]. */
    default AsyncApplication wrap(AsyncApplication app) {
        AsyncMiddleware self = this;
        return new AsyncApplication() {
            @Override
            public CompletionStage<Void> handle(Request request, Channel channel) {
                return self.handle(request, channel, app);
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

    /** This middleware outside {@code inner}. */
    default AsyncMiddleware andThen(AsyncMiddleware inner) {
        AsyncMiddleware outer = this;
        return (request, channel, next) -> outer.handle(request, channel, inner.wrap(next));
    }
}
