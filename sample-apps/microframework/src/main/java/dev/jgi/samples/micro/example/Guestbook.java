package dev.jgi.samples.micro.example;

import static dev.jgi.samples.micro.Html.escape;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import dev.jgi.samples.micro.Context;
import dev.jgi.samples.micro.Csrf;
import dev.jgi.samples.micro.HttpError;
import dev.jgi.samples.micro.Router;
import dev.jgi.samples.micro.Sessions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The microframework's demo, the jar's {@code JGI-App}: a guestbook kept in memory, with a session
 * that remembers the visitor's name, CSRF-protected forms and a plain JGI app mounted at
 * {@code /echo}. {@code SECRET_KEY} signs the session cookie.
 */
public final class Guestbook implements Application {

    record Entry(String name, String message) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final Router router;

    public Guestbook() {
        this(System.getenv().getOrDefault("SECRET_KEY", ""));
    }

    public Guestbook(String secretKey) {
        if (secretKey.length() < 16) {
            throw new IllegalArgumentException("set SECRET_KEY to at least 16 random characters");
        }
        router = Router.builder()
                .use(new Sessions(secretKey))
                .use(new Csrf())
                .get("/", this::index)
                .post("/entries", this::add)
                .get("/entries/{id}", this::show)
                .mount(
                        "/echo",
                        (request, exchange) -> Response.text(
                                200, "mount=" + request.target().mountPath() + " path=" + request.path() + "\n"))
                .build();
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        return router.handle(request, exchange);
    }

    @Override
    public Map<String, Object> start(ServerInfo server) throws Exception {
        return router.start(server);
    }

    private Response index(Context context) {
        String name = context.session().get("name").orElse("");
        StringBuilder html = new StringBuilder("<!doctype html><title>Guestbook</title><h1>Guestbook</h1><ol>");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            html.append("<li><a href=\"")
                    .append(context.url("/entries/" + i))
                    .append("\">")
                    .append(escape(entry.name()))
                    .append("</a>: ")
                    .append(escape(entry.message()))
                    .append("</li>");
        }
        html.append("</ol><form method=post action=\"")
                .append(context.url("/entries"))
                .append("\">")
                .append("<input type=hidden name=csrf_token value=\"")
                .append(context.csrfToken())
                .append("\">")
                .append("<input name=name value=\"")
                .append(escape(name))
                .append("\">")
                .append("<input name=message><button>Sign</button></form>");
        return Response.html(200, html.toString());
    }

    private Response add(Context context) throws Exception {
        String name = context.form().require("name").strip();
        String message = context.form().require("message").strip();
        if (name.isEmpty() || message.isEmpty() || name.length() > 100 || message.length() > 1000) {
            throw HttpError.badRequest("name (1-100 characters) and message (1-1000) are required");
        }
        entries.add(new Entry(name, message));
        context.session().put("name", name);
        return Response.redirect(303, context.url("/entries/" + (entries.size() - 1)));
    }

    private Response show(Context context) {
        long id = context.longParam("id");
        if (id < 0 || id >= entries.size()) {
            throw HttpError.notFound();
        }
        Entry entry = entries.get((int) id);
        return Response.html(
                200,
                "<!doctype html><title>Entry</title><p><b>" + escape(entry.name()) + "</b>: " + escape(entry.message())
                        + "</p><p>"
                        + context.query().first("note").map(n -> escape(n)).orElse("") + "</p>");
    }
}
