package dev.jgi.servlet.portability;

import dev.jgi.api.Application;
import dev.jgi.api.Body;
import dev.jgi.api.Exchange;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small sync application written against the API alone: routing on the path, a form body,
 * state from start-up, cookies, a redirect, a streamed body and an error page of its own.
 */
final class Guestbook implements Application {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, Object> start(ServerInfo server) {
        return Map.of("title", "Guestbook");
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        String title = (String) request.state().get("title");
        return switch (request.method() + " " + request.path()) {
            case "GET ", "GET /" ->
                Response.html(200, "<h1>" + title + "</h1><p>" + entries.size() + " entries</p>")
                        .plusHeader("set-cookie", "seen=1; Path=/")
                        .plusHeader("set-cookie", "lang=en; Path=/");
            case "POST /sign" -> {
                String form = new String(exchange.body().readAllBytes(), StandardCharsets.UTF_8);
                entries.add(form);
                yield Response.redirect(303, request.target().mountPath() + "/entries");
            }
            case "GET /entries" ->
                Response.json(
                        200,
                        "["
                                + String.join(
                                        ",",
                                        entries.stream()
                                                .map(e -> "\"" + e + "\"")
                                                .toList()) + "]");
            case "GET /stream" ->
                Response.of(200, Headers.of("content-type", "text/plain; charset=utf-8"), Body.writer(out -> {
                    for (int i = 1; i <= 3; i++) {
                        out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }));
            case "GET /query" ->
                Response.text(
                        200,
                        "query=" + request.target().query().orElse("none") + " path=" + request.path() + " mount="
                                + request.target().mountPath());
            case "DELETE /entries" -> {
                entries.clear();
                yield Response.empty(204);
            }
            default -> Response.text(404, "no page " + request.path()).withHeader("x-guestbook", "not-found");
        };
    }
}
