package dev.jgi.samples.micro;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Middleware;
import dev.jgi.api.Request;
import dev.jgi.api.RequestTarget;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JGI application that dispatches on method and path: routes with {@code {name}} parameters,
 * 405 with {@code Allow} when the path matches but the method does not, sub-applications mounted
 * at a prefix, and middleware around it all. {@link HttpError}s become plain-text responses.
 *
 * <p>{@link dev.jgi.samples.micro.example.Guestbook} shows one with sessions, CSRF and a mount.
 */
public final class Router implements Application {

    private record Route(String method, PathPattern pattern, Handler handler) {}

    private record Mount(String prefix, Application app) {}

    private final List<Route> routes;
    private final List<Mount> mounts;
    private final FormLimits limits;
    private final Application pipeline;

    private Router(Builder builder) {
        this.routes = List.copyOf(builder.routes);
        this.mounts = List.copyOf(builder.mounts);
        this.limits = builder.limits;
        Application app = this::dispatch;
        for (Middleware middleware : builder.middleware.reversed()) {
            app = middleware.wrap(app);
        }
        this.pipeline = app;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        try {
            return pipeline.handle(request, exchange);
        } catch (HttpError e) {
            return Response.text(e.status(), e.getMessage() + "\n");
        }
    }

    /** Starts the mounted applications; their state maps are merged into this one's. */
    @Override
    public Map<String, Object> start(ServerInfo server) throws Exception {
        Map<String, Object> state = new HashMap<>();
        for (Mount mount : mounts) {
            state.putAll(mount.app().start(server));
        }
        return state;
    }

    @Override
    public void stop() throws Exception {
        for (Mount mount : mounts.reversed()) {
            mount.app().stop();
        }
    }

    private Response dispatch(Request request, Exchange exchange) throws Exception {
        for (Mount mount : mounts) {
            Optional<RequestTarget> inner = request.target().mountedAt(mount.prefix());
            if (inner.isPresent()) {
                return mount.app().handle(request.withTarget(inner.get()), exchange);
            }
        }
        String path = request.path().isEmpty() ? "/" : request.path();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.pattern().match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (route.method().equals(request.method())
                    || (request.method().equals("HEAD") && route.method().equals("GET"))) {
                return route.handler().handle(new Context(request, exchange, params.get(), limits));
            }
            allowed.add(route.method());
            if (route.method().equals("GET")) {
                allowed.add("HEAD");
            }
        }
        if (allowed.isEmpty()) {
            throw HttpError.notFound();
        }
        return Response.text(405, "method not allowed\n").withHeader("allow", String.join(", ", allowed));
    }

    /** Collects routes, mounts and middleware; {@link #build} freezes them. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private final List<Mount> mounts = new ArrayList<>();
        private final List<Middleware> middleware = new ArrayList<>();
        private FormLimits limits = FormLimits.DEFAULT;

        private Builder() {}

        public Builder route(String method, String path, Handler handler) {
            routes.add(new Route(method, PathPattern.parse(path), handler));
            return this;
        }

        public Builder get(String path, Handler handler) {
            return route("GET", path, handler);
        }

        public Builder post(String path, Handler handler) {
            return route("POST", path, handler);
        }

        public Builder put(String path, Handler handler) {
            return route("PUT", path, handler);
        }

        public Builder delete(String path, Handler handler) {
            return route("DELETE", path, handler);
        }

        /** Serves {@code app} below {@code prefix}; it sees the prefix in its mount path [JGI-MW-2]. */
        public Builder mount(String prefix, Application app) {
            checkPrefix(prefix);
            mounts.add(new Mount(prefix, app));
            return this;
        }

        /** Adds middleware; the first added is the outermost. */
        public Builder use(Middleware m) {
            middleware.add(m);
            return this;
        }

        public Builder limits(FormLimits newLimits) {
            this.limits = newLimits;
            return this;
        }

        public Router build() {
            return new Router(this);
        }

        private static void checkPrefix(String prefix) {
            if (prefix.isEmpty() || !prefix.startsWith("/") || prefix.endsWith("/")) {
                throw new IllegalArgumentException(
                        "a mount prefix starts with '/' and does not end with '/': " + prefix);
            }
        }
    }
}
