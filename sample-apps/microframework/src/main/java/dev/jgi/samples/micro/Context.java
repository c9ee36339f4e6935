package dev.jgi.samples.micro;

import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import java.io.IOException;
import java.util.Map;

/**
 * One matched request as a handler sees it: the JGI request and exchange, the path parameters,
 * and helpers that parse the query, form and cookies with {@link FormLimits}. Confined to the
 * request's thread.
 */
public final class Context {

    private final Request request;
    private final Exchange exchange;
    private final Map<String, String> pathParams;
    private final FormLimits limits;
    private Params query;
    private Params form;

    Context(Request request, Exchange exchange, Map<String, String> pathParams, FormLimits limits) {
        this.request = request;
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.limits = limits;
    }

    public Request request() {
        return request;
    }

    public Exchange exchange() {
        return exchange;
    }

    public String method() {
        return request.method();
    }

    /** A path parameter of the route, such as {@code id} of {@code /posts/{id}}. */
    public String param(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no parameter {" + name + "}");
        }
        return value;
    }

    /** A path parameter as a number, or a 404: {@code /posts/abc} names no post. */
    public long longParam(String name) {
        try {
            return Long.parseLong(param(name));
        } catch (NumberFormatException e) {
            throw HttpError.notFound();
        }
    }

    public Params query() {
        if (query == null) {
            query = Params.parse(request.target().query().orElse(""), limits.maxFields());
        }
        return query;
    }

    /** The url-encoded form body, read once. */
    public Params form() throws IOException {
        if (form == null) {
            form = Forms.read(request, exchange, limits);
        }
        return form;
    }

    /** The multipart form body, streamed: text fields as they pass, files one at a time. */
    public MultipartForm multipart() throws IOException {
        return Forms.multipart(request, exchange, limits);
    }

    public Map<String, String> cookies() {
        return Cookies.parse(request.headers());
    }

    /** The session; needs {@link Sessions} around the router. */
    public Session session() {
        return sessionOf(request);
    }

    /** The CSRF token to put in forms; needs {@link Sessions}. */
    public String csrfToken() {
        return Csrf.token(session());
    }

    /** An absolute path inside this app's mount: {@code url("/posts")} is {@code /blog/posts} under {@code /blog}. */
    public String url(String path) {
        return request.target().mountPath() + path;
    }

    static Session sessionOf(Request request) {
        if (request.attributes().get(Sessions.ATTRIBUTE_KEY) instanceof Session session) {
            return session;
        }
        throw new IllegalStateException("no session: install the Sessions middleware around the router");
    }
}
