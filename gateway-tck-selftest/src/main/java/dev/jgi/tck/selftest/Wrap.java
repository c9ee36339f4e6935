package dev.jgi.tck.selftest;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Channel;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/** Ways of putting a fault between the reference server and the application it hosts. */
final class Wrap {

    /** Starts and stops the application as the server should. */
    private static final Lifespan FAITHFUL = new Lifespan() {
        @Override
        public Map<String, Object> start(dev.jgi.api.Lifespan app, ServerInfo server) throws Exception {
            return app.start(server);
        }

        @Override
        public void stop(dev.jgi.api.Lifespan app) throws Exception {
            app.stop();
        }
    };

    private Wrap() {}

    /** What the server would do wrong in the request it builds. */
    static Fault request(String name, Set<String> clauses, UnaryOperator<Request> corrupt) {
        return Fault.ofApps(
                name,
                clauses,
                app -> sync(app, (request, exchange) -> app.handle(corrupt.apply(request), exchange)),
                app -> async(app, (request, channel) -> app.handle(corrupt.apply(request), channel)));
    }

    /** What the server would do wrong with the response a sync application returns. */
    static Fault response(String name, Set<String> clauses, BiFunction<Request, Response, Response> corrupt) {
        return Fault.ofApps(
                name,
                clauses,
                app -> sync(app, (request, exchange) -> corrupt.apply(request, app.handle(request, exchange))),
                app -> app);
    }

    /** What the server would do wrong with the events and actions of an async application's channel. */
    static Fault channel(String name, Set<String> clauses, BiFunction<Request, Channel, Channel> corrupt) {
        return Fault.ofApps(
                name,
                clauses,
                app -> app,
                app -> async(app, (request, channel) -> app.handle(request, corrupt.apply(request, channel))));
    }

    /** {@code app} with its requests handled by {@code handler}. */
    static Application sync(Application app, Application handler) {
        return sync(app, handler, FAITHFUL);
    }

    /** {@code app} with its requests handled by {@code handler}. */
    static AsyncApplication async(AsyncApplication app, AsyncApplication handler) {
        return async(app, handler, FAITHFUL);
    }

    /** A lifespan fault: the same for both interfaces. */
    interface Lifespan {
        Map<String, Object> start(dev.jgi.api.Lifespan app, ServerInfo server) throws Exception;

        void stop(dev.jgi.api.Lifespan app) throws Exception;
    }

    static Fault lifespan(String name, Set<String> clauses, Lifespan fault) {
        return Fault.ofApps(name, clauses, app -> sync(app, app, fault), app -> async(app, app, fault));
    }

    /** What the server would do wrong at start-up and, in step with it, in every request it builds. */
    static Fault lifespanAndRequest(String name, Set<String> clauses, Lifespan fault, UnaryOperator<Request> corrupt) {
        return Fault.ofApps(
                name,
                clauses,
                app -> sync(app, (request, exchange) -> app.handle(corrupt.apply(request), exchange), fault),
                app -> async(app, (request, channel) -> app.handle(corrupt.apply(request), channel), fault));
    }

    private static Application sync(Application app, Application handler, Lifespan lifespan) {
        return new Application() {
            @Override
            public Response handle(Request request, Exchange exchange) throws Exception {
                return handler.handle(request, exchange);
            }

            @Override
            public Map<String, Object> start(ServerInfo server) throws Exception {
                return lifespan.start(app, server);
            }

            @Override
            public void stop() throws Exception {
                lifespan.stop(app);
            }
        };
    }

    private static AsyncApplication async(AsyncApplication app, AsyncApplication handler, Lifespan lifespan) {
        return new AsyncApplication() {
            @Override
            public CompletionStage<Void> handle(Request request, Channel channel) {
                return handler.handle(request, channel);
            }

            @Override
            public Map<String, Object> start(ServerInfo server) throws Exception {
                return lifespan.start(app, server);
            }

            @Override
            public void stop() throws Exception {
                lifespan.stop(app);
            }
        };
    }
}
